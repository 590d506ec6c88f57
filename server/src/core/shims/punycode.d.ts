/** The one function of punycode.js (a dependency of markdown-it) the block parser uses. */
declare module 'punycode.js' {
  const punycode: { toASCII(domain: string): string };
  export default punycode;
}
