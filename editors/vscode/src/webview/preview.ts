// The script of the map preview's webview (bundled into dist/preview.js and
// inlined with a nonce). It swaps in each new map while keeping what the
// reader chose: the status-quo/target view, the persona filter and the
// scroll positions; it reports clicks on cards and highlights the card of
// the definition under the editor's cursor.

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface ViewState {
  /** The checked view radio of the map (`view-current`, `view-target`). */
  view: string;
  /** The persona filter: a persona id, or '' for all. */
  persona: string;
  scroll: [number, number];
  /** Scrolled inner elements by key. */
  inner: Record<string, [number, number]>;
}

type ToWebview =
  | { type: 'update'; html: string | null; stale: boolean; notice: string; labels: { persona: string; all: string } }
  | { type: 'highlight'; ref: string | null }
  | { type: 'message'; text: string };

const api = acquireVsCodeApi();
const map = document.getElementById('map') as HTMLElement;
const mapStyle = document.getElementById('jm-map-style') as HTMLStyleElement;
const notice = document.getElementById('jm-notice') as HTMLElement;
const message = document.getElementById('jm-message') as HTMLElement;
const personaSelect = document.getElementById('jm-persona') as HTMLSelectElement;
const personaText = document.getElementById('jm-persona-text') as HTMLElement;

let state: ViewState = { view: 'view-current', persona: '', scroll: [0, 0], inner: {}, ...(api.getState() as Partial<ViewState> | undefined) };
let shownHtml: string | null = null;
let activeRef: string | null = null;
let allLabel = 'All personas';

function save(): void {
  api.setState(state);
}

/** A stable key per element: tag, class and its position among equals. */
function keyed(root: Element): Map<string, Element> {
  const counts = new Map<string, number>();
  const out = new Map<string, Element>();
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const base = `${el.tagName}.${el.getAttribute('class') ?? ''}`;
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    out.set(`${base}#${n}`, el);
  }
  return out;
}

function captureScroll(): void {
  const scroller = document.scrollingElement ?? document.documentElement;
  state.scroll = [scroller.scrollLeft, scroller.scrollTop];
  state.inner = {};
  for (const [key, el] of keyed(map)) {
    if (el.scrollLeft !== 0 || el.scrollTop !== 0) state.inner[key] = [el.scrollLeft, el.scrollTop];
  }
}

function restoreScroll(): void {
  if (Object.keys(state.inner).length > 0) {
    for (const [key, el] of keyed(map)) {
      const at = state.inner[key];
      if (at !== undefined) {
        el.scrollLeft = at[0];
        el.scrollTop = at[1];
      }
    }
  }
  const scroller = document.scrollingElement ?? document.documentElement;
  scroller.scrollLeft = state.scroll[0];
  scroller.scrollTop = state.scroll[1];
}

function applyView(): void {
  const radio = document.getElementById(state.view);
  if (radio instanceof HTMLInputElement && radio.type === 'radio') radio.checked = true;
}

function fillPersonas(): void {
  const personas = new Map<string, string>();
  for (const card of Array.from(map.querySelectorAll('[data-ref^="persona:"]'))) {
    const id = (card.getAttribute('data-ref') ?? '').slice('persona:'.length);
    if (personas.has(id)) continue;
    personas.set(id, card.querySelector('h3')?.textContent ?? id);
  }
  personaSelect.replaceChildren();
  const all = document.createElement('option');
  all.value = '';
  all.textContent = allLabel;
  personaSelect.appendChild(all);
  for (const [id, name] of personas) {
    const o = document.createElement('option');
    o.value = id;
    o.textContent = name;
    personaSelect.appendChild(o);
  }
  if (!personas.has(state.persona)) state.persona = '';
  personaSelect.value = state.persona;
  (personaSelect.parentElement as HTMLElement).hidden = personas.size < 2;
}

function applyPersona(): void {
  const id = state.persona;
  for (const el of Array.from(map.querySelectorAll('[data-personas]'))) {
    const ids = (el.getAttribute('data-personas') ?? '').split(' ');
    el.classList.toggle('jm-hidden', id !== '' && !ids.includes(id));
  }
  document.body.dataset.persona = id;
}

function applyHighlight(scroll: boolean): void {
  for (const el of Array.from(map.querySelectorAll('.jm-active'))) el.classList.remove('jm-active');
  if (activeRef === null) return;
  const hits = Array.from(map.querySelectorAll('[data-ref]')).filter((el) => el.getAttribute('data-ref') === activeRef);
  hits.forEach((el) => el.classList.add('jm-active'));
  const first = hits.find((el) => (el as HTMLElement).offsetParent !== null);
  if (scroll && first !== undefined) {
    // wholly in view (below the bar), else scrolled in, inner scrollers included
    const r = first.getBoundingClientRect();
    const bar = document.getElementById('jm-bar')?.getBoundingClientRect().bottom ?? 0;
    const inView = r.top >= bar && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
    if (!inView) first.scrollIntoView({ block: r.height > window.innerHeight - bar ? 'start' : 'nearest', inline: 'nearest' });
  }
}

/** Puts a new page in place, keeping the reader's choices. */
function render(html: string): void {
  captureScroll();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // The page has no script and the policy forbids any; drop active
  // content all the same.
  doc.querySelectorAll('script, iframe, object, embed, link, meta, base, form').forEach((el) => el.remove());
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) el.removeAttribute(attr.name);
    }
  }
  const css = Array.from(doc.querySelectorAll('style')).map((s) => s.textContent ?? '').join('\n');
  if (mapStyle.textContent !== css) mapStyle.textContent = css;
  const fragment = document.createDocumentFragment();
  for (const node of Array.from(doc.body.childNodes)) fragment.appendChild(document.importNode(node, true));
  map.replaceChildren(fragment);
  applyView();
  fillPersonas();
  applyPersona();
  applyHighlight(false);
  restoreScroll();
  shownHtml = html;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  if (m.type === 'update') {
    allLabel = m.labels.all;
    personaText.textContent = m.labels.persona;
    if (m.html !== null && m.html !== shownHtml) render(m.html);
    message.hidden = m.html !== null;
    if (m.html === null) {
      map.replaceChildren();
      shownHtml = null;
      message.textContent = m.notice;
    }
    notice.hidden = !m.stale || m.html === null;
    notice.textContent = m.notice;
    document.body.classList.toggle('jm-stale', m.stale && m.html !== null);
    document.body.dataset.state = m.stale ? 'stale' : 'fresh';
  } else if (m.type === 'highlight') {
    activeRef = m.ref;
    applyHighlight(true);
  } else if (m.type === 'message') {
    message.hidden = false;
    message.textContent = m.text;
  }
});

map.addEventListener('change', (event) => {
  const target = event.target;
  if (target instanceof HTMLInputElement && target.type === 'radio' && target.checked) {
    state.view = target.id;
    save();
  }
});

personaSelect.addEventListener('change', () => {
  state.persona = personaSelect.value;
  applyPersona();
  save();
});

map.addEventListener('click', (event) => {
  const target = event.target as Element | null;
  if (target === null || target.closest('label, input, select, a, button, summary') !== null) return;
  const card = target.closest('[data-ref]');
  if (card === null) return;
  const ref = card.getAttribute('data-ref');
  if (ref !== null) api.postMessage({ type: 'reveal', ref });
});

let scrollSave: number | undefined;
document.addEventListener('scroll', () => {
  if (scrollSave !== undefined) return;
  scrollSave = window.setTimeout(() => {
    scrollSave = undefined;
    captureScroll();
    save();
  }, 200);
}, { capture: true, passive: true });

api.postMessage({ type: 'ready' });
