// The `journey/map` request of the language server and the pure logic
// around it. Free of the `vscode` module so that it can be unit-tested.

/** The custom request that answers the HTML journey map of the workspace. */
export const MAP_REQUEST = 'journey/map';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Where a card of the map is defined. */
export interface MapRef {
  uri: string;
  /** The whole definition, block included. */
  range: Range;
  /** Its id. */
  selectionRange: Range;
}

export interface MapError {
  code: string;
  message: string;
  uri?: string | null;
  range?: Range | null;
}

/** The server's answer to `journey/map`. */
export interface MapAnswer {
  /** The page, or null while no map could be built yet. */
  html: string | null;
  /** Whether `html` is an older map: the workspace has errors now. */
  stale: boolean;
  errors: number;
  warnings: number;
  firstError: MapError | null;
  /** `KIND:ID` → definition. */
  refs: Record<string, MapRef>;
  /** Open documents' versions the answer was computed from. */
  versions: Array<{ uri: string; version: number }>;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function contains(range: Range, p: Position): boolean {
  return !before(p, range.start) && !before(range.end, p);
}

/** Whether `inner` lies inside `outer`. */
function within(inner: Range, outer: Range): boolean {
  return contains(outer, inner.start) && contains(outer, inner.end);
}

/**
 * The card under a cursor: the innermost definition whose block contains
 * `position` in the document `uri` (a touchpoint rather than its phase).
 */
export function refAt(refs: Record<string, MapRef>, uri: string, position: Position): string | undefined {
  let best: [string, MapRef] | undefined;
  for (const [key, ref] of Object.entries(refs)) {
    if (ref.uri !== uri || !contains(ref.range, position)) continue;
    if (best === undefined || within(ref.range, best[1].range)) best = [key, ref];
  }
  return best?.[0];
}

/**
 * Whether the answer is older than the documents the editor has: some open
 * document has a newer version than the server had used.
 */
export function isBehind(answer: MapAnswer, editorVersions: Map<string, number>): boolean {
  const seen = new Map(answer.versions.map((v) => [v.uri, v.version]));
  for (const [uri, version] of editorVersions) {
    const had = seen.get(uri);
    if (had !== undefined && had < version) return true;
  }
  return false;
}

/** A template of `journeyc init`. */
export interface Template {
  name: string;
  description: string;
}

/**
 * The templates listed by `journeyc init --list`: after a heading line,
 * one per line as `  NAME  DESCRIPTION`.
 */
export function parseTemplates(listing: string): Template[] {
  const out: Template[] = [];
  for (const line of listing.split(/\r?\n/)) {
    const m = /^ {2}(\S+) {2,}(.+)$/.exec(line);
    if (m !== null) out.push({ name: m[1], description: m[2].trim() });
  }
  return out;
}

/** The files `journeyc init` reports as written (indented lines ending in `.journey` or `.toml`). */
export function parseCreatedFiles(output: string): string[] {
  return output
    .split(/\r?\n/)
    .map((l) => /^ {2}(\S.*\.(?:journey|toml))$/.exec(l)?.[1])
    .filter((f): f is string => f !== undefined);
}
