/**
 * Makes every checklist on the page tickable: each item gets a checkbox, its ticks are kept in
 * localStorage under the page's path and the list's title (so they survive a reload and work
 * offline), and "Hapus centang" clears them. Ticks are stored by the item's text, so an item
 * an editor moves keeps its tick, and a changed item starts unticked. Nothing leaves the device.
 */
const PREFIX = 'migrasi-aman:centang:';

/** The storage key of one list: its page and its title (or position when untitled). */
export function storageKey(pathname: string, title: string, index: number): string {
  return `${PREFIX}${pathname}#${title.trim() || index}`;
}

function load(key: string): Set<string> {
  try {
    const raw = localStorage.getItem(key);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(list) ? list.filter((x) => typeof x === 'string') : []);
  } catch {
    // Storage can be off (private mode) or hold something unreadable: start with no ticks.
    return new Set();
  }
}

function save(key: string, ticked: Set<string>): void {
  try {
    if (ticked.size === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify([...ticked]));
  } catch {
    // Full or blocked storage: the ticks still work until the page is closed.
  }
}

const textOf = (li: Element) => (li.textContent ?? '').replace(/\s+/g, ' ').trim();

function enhance(root: HTMLElement, index: number): void {
  const key = storageKey(location.pathname, root.dataset['checklist'] ?? '', index);
  const ticked = load(key);
  const items = [...root.querySelectorAll(':scope > ul > li, :scope > ol > li')];
  const boxes: HTMLInputElement[] = [];
  items.forEach((li, j) => {
    const text = textOf(li);
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `centang-${index}-${j}`;
    box.checked = ticked.has(text);
    box.addEventListener('change', () => {
      if (box.checked) ticked.add(text);
      else ticked.delete(text);
      save(key, ticked);
    });
    const label = document.createElement('label');
    label.htmlFor = box.id;
    label.append(...li.childNodes);
    li.append(box, label);
    boxes.push(box);
  });
  const tools = root.querySelector<HTMLElement>('[data-checklist-tools]');
  root.querySelector('[data-checklist-reset]')?.addEventListener('click', () => {
    for (const box of boxes) box.checked = false;
    ticked.clear();
    save(key, ticked);
  });
  if (tools) tools.hidden = false;
  root.dataset['enhanced'] = '';
}

export function enhanceChecklists(): void {
  document
    .querySelectorAll<HTMLElement>('[data-checklist]:not([data-enhanced])')
    .forEach((root, i) => enhance(root, i));
}
