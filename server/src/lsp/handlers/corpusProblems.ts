/** Tells the writer, once and in their language, that a data file could not be loaded. */
import { problemMessage } from '../../core/load';
import type { ServerContext } from '../context';

export function reportCorpusProblems(ctx: ServerContext, folder: string): void {
  for (const problem of ctx.corpus.problems) {
    const message = problemMessage(problem, ctx.t);
    void ctx.connection.window.showErrorMessage(message);
    ctx.connection.console.error(message);
  }
  if (ctx.corpus.papers.length === 0) {
    void ctx.connection.window.showErrorMessage(ctx.t('server.noPapers', { folder }));
  }
}
