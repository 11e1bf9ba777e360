/**
 * The only way the renderer builds DOM. Strings always become text nodes: no HTML string is
 * ever parsed anywhere in renderer/ (a test greps for the sinks), so hostile page titles can
 * never become markup. The page's Trusted Types CSP would refuse such a sink anyway.
 */

/** A child: a node, text, or nothing (skipped, so conditional children read naturally). */
export type Child = Node | string | null | undefined | false;

/** Element properties the helper understands. */
export interface Props {
  readonly class?: string;
  readonly id?: string;
  /** Plain attributes (aria-*, role, type, lang...). Event-handler attributes are refused. */
  readonly attrs?: Readonly<Record<string, string | undefined>>;
  readonly onClick?: (event: Event) => void;
  readonly onChange?: (event: Event) => void;
}

/** Creates an element with text-only children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class !== undefined) element.className = props.class;
  if (props.id !== undefined) element.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined) continue;
    // Inline handlers would be script; the CSP blocks them too, this keeps them out of the code.
    if (/^on/i.test(name) || name.toLowerCase() === 'srcdoc') throw new Error(`refused attribute ${name}`);
    element.setAttribute(name, value);
  }
  if (props.onClick !== undefined) element.addEventListener('click', props.onClick);
  if (props.onChange !== undefined) element.addEventListener('change', props.onChange);
  append(element, children);
  return element;
}

/** Appends children; strings as text nodes. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A big button with a visible label (its accessible name). */
export function button(label: string, onClick: () => void, options: { readonly kind?: 'primary' | 'secondary' | 'plain'; readonly id?: string; readonly disabled?: boolean } = {}): HTMLButtonElement {
  const element = h('button', { class: `btn btn-${options.kind ?? 'secondary'}`, id: options.id, attrs: { type: 'button' }, onClick: () => onClick() }, label);
  element.disabled = options.disabled === true;
  return element;
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}
