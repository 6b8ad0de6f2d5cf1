// "Journey: Open Map Preview": the HTML journey map of the workspace in a
// webview beside the editor, kept current from the language server's
// `journey/map` request (no files, no processes per update).

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MAP_REQUEST, MapAnswer, isBehind, refAt } from './map';
import type { Translate } from './server';

/** How long after the last keystroke the map is asked for. */
const DEBOUNCE_MS = 120;
/** How often an answer older than the editor's text is asked for again. */
const BEHIND_RETRIES = 50;
const BEHIND_WAIT_MS = 20;

/** Messages from the webview. */
type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; ref: string };

export class MapPreview {
  static readonly viewType = 'journey.map';
  static current: MapPreview | undefined;

  private answer: MapAnswer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private inflight = false;
  private again = false;
  private ready = false;
  private dirty = false;
  private highlighted: string | undefined;
  /** The editor column the sources are shown in (cards reveal there). */
  private sourceColumn: vscode.ViewColumn | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** Registers the command, the serializer and the listeners. */
  static register(
    context: vscode.ExtensionContext,
    client: () => LanguageClient | undefined,
    t: Translate,
  ): vscode.Disposable {
    const script = (): string => {
      try {
        return fs.readFileSync(context.asAbsolutePath('dist/preview.js'), 'utf8');
      } catch {
        return '';
      }
    };
    const open = (panel: vscode.WebviewPanel): MapPreview => {
      MapPreview.current?.dispose();
      MapPreview.current = new MapPreview(panel, client, t, script());
      return MapPreview.current;
    };
    return vscode.Disposable.from(
      vscode.commands.registerCommand('journey.openMapPreview', () => {
        if (MapPreview.current !== undefined) {
          MapPreview.current.panel.reveal(vscode.ViewColumn.Beside, true);
          MapPreview.current.refresh();
          return;
        }
        const panel = vscode.window.createWebviewPanel(
          MapPreview.viewType,
          t('Journey map'),
          { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
          MapPreview.options(),
        );
        open(panel);
      }),
      vscode.window.registerWebviewPanelSerializer(MapPreview.viewType, {
        async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
          panel.webview.options = MapPreview.options();
          open(panel);
        },
      }),
    );
  }

  private static options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    // The page is inline: nothing is loaded, not even from the extension.
    return { enableScripts: true, localResourceRoots: [], enableFindWidget: true };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly client: () => LanguageClient | undefined,
    private readonly t: Translate,
    script: string,
  ) {
    panel.webview.html = shell(script, vscode.env.language);
    const active = vscode.window.activeTextEditor;
    if (active?.document.languageId === 'journey') this.sourceColumn = active.viewColumn;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible && this.dirty) {
          this.dirty = false;
          this.refresh();
        }
      }),
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.received(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId === 'journey' && e.contentChanges.length > 0) this.refresh();
      }),
      // files changed outside the editor (git, generators, `journeyc init`)
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => /\.journey$|journey\.toml$/.test(u.path))) this.refresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.cursorMoved(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e !== undefined) this.cursorMoved(e);
      }),
    );
    this.refresh();
  }

  dispose(): void {
    if (MapPreview.current === this) MapPreview.current = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
    this.panel.dispose();
  }

  /** Asks for the map shortly (coalescing a burst of edits). */
  refresh(): void {
    // a preview in a background tab is brought up to date when it shows
    if (!this.panel.visible) {
      this.dirty = true;
      return;
    }
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.fetch();
    }, DEBOUNCE_MS);
  }

  private editorVersions(): Map<string, number> {
    const out = new Map<string, number>();
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.languageId === 'journey') out.set(doc.uri.toString(), doc.version);
    }
    return out;
  }

  private async fetch(): Promise<void> {
    if (this.inflight) {
      this.again = true;
      return;
    }
    this.inflight = true;
    try {
      const client = this.client();
      if (client === undefined) {
        this.answer = undefined;
        this.post({ type: 'message', text: this.t('The journey map needs the journeyc language server, which is not running. See "Journey: Show server output".') });
        return;
      }
      let answer: MapAnswer | undefined;
      for (let i = 0; i <= BEHIND_RETRIES; i++) {
        answer = await client.sendRequest<MapAnswer>(MAP_REQUEST, {});
        // the server has not seen the latest keystroke yet: ask again
        if (!isBehind(answer, this.editorVersions())) break;
        await new Promise((r) => setTimeout(r, BEHIND_WAIT_MS));
      }
      if (answer !== undefined) this.show(answer);
    } catch (error) {
      this.answer = undefined;
      // -32601: a journeyc from before the map (journey.server.path)
      const text = (error as { code?: unknown }).code === -32601
        ? this.t('This journeyc has no journey map yet. Update it, or clear "journey.server.path" to use the journeyc that comes with the extension.')
        : this.t('The journey map could not be built: {0}', error instanceof Error ? error.message : String(error));
      this.post({ type: 'message', text });
    } finally {
      this.inflight = false;
      if (this.again) {
        this.again = false;
        void this.fetch();
      }
    }
  }

  private show(answer: MapAnswer, force = false): void {
    const before = this.answer;
    this.answer = answer;
    // an answer for a change that did not change the map (a comment, a
    // second trigger for the same edit) is not sent again
    if (!force && before !== undefined && before.html === answer.html && before.stale === answer.stale &&
      before.errors === answer.errors && JSON.stringify(before.firstError) === JSON.stringify(answer.firstError)) {
      return;
    }
    const t = this.t;
    let notice = '';
    if (answer.stale) {
      const where = answer.firstError?.range != null && answer.firstError.uri != null
        ? t('{0}, line {1}', vscode.workspace.asRelativePath(vscode.Uri.parse(answer.firstError.uri)), answer.firstError.range.start.line + 1)
        : '';
      const first = answer.firstError === null ? '' : `${where}: ${answer.firstError.message} (${answer.firstError.code})`;
      notice = answer.html === null
        ? t('No map yet: the journey has {0} error(s). {1}', answer.errors, first)
        : t('Stale: this map shows the last version without errors. Fix {0} error(s) to update it. {1}', answer.errors, first);
    }
    this.post({
      type: 'update',
      html: answer.html,
      stale: answer.stale,
      notice,
      labels: { persona: t('Persona'), all: t('All personas') },
    });
    // the webview keeps the highlight across updates itself
  }

  private post(message: unknown): void {
    if (this.ready) void this.panel.webview.postMessage(message);
    else this.pending = message;
  }

  private pending: unknown;

  private received(m: FromWebview): void {
    if (m.type === 'ready') {
      this.ready = true;
      if (this.answer !== undefined) this.show(this.answer, true);
      else if (this.pending !== undefined) void this.panel.webview.postMessage(this.pending);
      this.pending = undefined;
      this.highlighted = undefined;
      const editor = vscode.window.activeTextEditor;
      if (editor !== undefined) this.cursorMoved(editor);
    } else if (m.type === 'reveal') {
      void this.reveal(m.ref);
    }
  }

  /** Shows the definition of a card in the editor, with the cursor on its id. */
  private async reveal(ref: string): Promise<void> {
    const target = this.answer?.refs[ref];
    if (target === undefined) return;
    const range = new vscode.Range(
      target.selectionRange.start.line,
      target.selectionRange.start.character,
      target.selectionRange.end.line,
      target.selectionRange.end.character,
    );
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    const column = this.sourceColumn ?? vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: column === this.panel.viewColumn ? vscode.ViewColumn.One : column,
      selection: new vscode.Selection(range.start, range.start),
      preserveFocus: false,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Highlights the card of the definition under the cursor. */
  private cursorMoved(editor: vscode.TextEditor): void {
    if (editor.document.languageId !== 'journey') return;
    this.sourceColumn = editor.viewColumn ?? this.sourceColumn;
    if (this.answer === undefined) return;
    const p = editor.selection.active;
    const ref = refAt(this.answer.refs, editor.document.uri.toString(), { line: p.line, character: p.character });
    if (ref !== this.highlighted) {
      this.highlighted = ref;
      this.post({ type: 'highlight', ref: ref ?? null });
    }
  }
}

/** The webview's page: a strict CSP, the inline script with its nonce. */
export function shell(script: string, language: string): string {
  const nonce = crypto.randomBytes(18).toString('base64');
  const csp = [
    "default-src 'none'",
    // the map's own <style> and style attributes
    "style-src 'unsafe-inline'",
    'img-src data:',
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const safeScript = script.replace(/<\/(script)/gi, '<\\/$1');
  const lang = language.replace(/[^A-Za-z0-9-]/g, '') || 'en';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
#jm-bar { position: sticky; top: 0; z-index: 50; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center;
  padding: 6px 12px; background: var(--vscode-editorWidget-background, #f3f3f3); color: var(--vscode-editorWidget-foreground, #222);
  border-bottom: 1px solid var(--vscode-editorWidget-border, #ccc); font: 13px var(--vscode-font-family, sans-serif); }
#jm-bar label { display: flex; gap: 6px; align-items: center; }
#jm-notice { flex: 1 1 320px; padding: 4px 8px; border-radius: 4px; background: #fff4d6; color: #5c3b00; border: 1px solid #e0b84a; font-weight: 600; }
#jm-notice[hidden] { display: none; }
#jm-message { padding: 24px; font: 14px var(--vscode-font-family, sans-serif); }
body.jm-stale #map { filter: grayscale(0.6); opacity: 0.75; }
#map [data-ref] { cursor: pointer; scroll-margin: 64px 16px 16px 16px; }
#map .jm-active { outline: 3px solid #f6a623 !important; outline-offset: 2px; box-shadow: 0 0 0 6px rgba(246,166,35,.25); }
#map .tp.jm-hidden, #map .curve.jm-hidden { display: none !important; }
#map .persona.jm-hidden, #map .node.jm-hidden { opacity: 0.3; }
</style>
<style id="jm-map-style"></style>
</head>
<body>
<div id="jm-bar"><div id="jm-notice" role="status" hidden></div>
<label id="jm-persona-label"><span id="jm-persona-text">Persona</span> <select id="jm-persona"></select></label></div>
<div id="jm-message" hidden></div>
<div id="map"></div>
<script nonce="${nonce}">${safeScript}</script>
</body>
</html>`;
}
