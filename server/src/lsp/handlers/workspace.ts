/**
 * Keeps the workspace index current: indexes the workspace folders once initialized
 * (reporting `$/progress`), follows files changed on disk through
 * `workspace/didChangeWatchedFiles`, and open documents through their edits.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, type ClientCapabilities, type InitializeParams, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { uriToPath } from '../workspaceIndex';
import type { DocumentListener } from './documents';

/** Pause after the last keystroke before open-document edits count as an index change. */
const EDIT_NOTICE_MS = 500;

export interface WorkspaceFeature {
  documents: DocumentListener;
  initialize(params: InitializeParams): void;
  initialized(): void;
}

export function registerWorkspace(ctx: ServerContext): WorkspaceFeature {
  const { connection } = ctx;
  const index = ctx.workspaceIndex;
  let capabilities: ClientCapabilities = {};
  let editTimer: NodeJS.Timeout | undefined;

  const logError = (e: unknown) => connection.console.error(`crp-cite: ${e instanceof Error ? e.message : String(e)}`);

  const editNotice = () => {
    clearTimeout(editTimer);
    editTimer = setTimeout(() => index.changed(), EDIT_NOTICE_MS);
  };

  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (changes.some((c) => c.uri.endsWith('/.gitignore'))) {
      void index.indexAll();
      return;
    }
    for (const change of changes) {
      if (change.type === FileChangeType.Deleted) index.fileDeleted(change.uri);
      else void index.fileChanged(change.uri);
    }
  });

  /** Starts indexing at once (requests wait for it), and reports progress once the client has a token for it. */
  const reindex = (): Promise<void> => {
    let progress: WorkDoneProgressServerReporter | undefined;
    let finished = false;
    if (capabilities.window?.workDoneProgress) {
      void connection.window.createWorkDoneProgress().then((reporter) => {
        reporter.begin(ctx.t('progress.indexing'), 0, undefined, false);
        if (finished) reporter.done();
        else progress = reporter;
      });
    }
    return index.indexAll({
      report: (done, total) => progress?.report(total === 0 ? 100 : Math.round((done / total) * 100), ctx.t('progress.indexed', { done, total })),
      done: () => {
        finished = true;
        progress?.done();
      },
    });
  };

  return {
    initialize(params) {
      capabilities = params.capabilities ?? {};
      const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)) ?? [params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined)];
      index.setRoots(folders.filter((f): f is string => typeof f === 'string'));
    },
    initialized() {
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.{md,markdown,mdown,mkd}' }, { globPattern: '**/.gitignore' }],
        });
      }
      // Folders added to or removed from the workspace while the server runs.
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
          const gone = new Set(removed.map((f) => uriToPath(f.uri)));
          const roots = index.folders.filter((root) => !gone.has(root));
          for (const f of added) {
            const path = uriToPath(f.uri);
            if (path !== undefined && !roots.includes(path)) roots.push(path);
          }
          index.setRoots(roots);
          void reindex().catch(logError);
        });
      }
      void reindex().catch(logError);
    },
    documents: {
      opened: editNotice,
      changed: editNotice,
      closed(uri) {
        // Unsaved edits are gone: the file counts as it is on disk again.
        void index.fileChanged(uri);
      },
    },
  };
}
