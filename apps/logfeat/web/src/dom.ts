/** What `element` sets on a new element. */
export interface ElementProps {
  class?: string;
  text?: string;
  title?: string;
  /** Attributes, e.g. `{ "data-service": "api" }`. */
  attrs?: Record<string, string>;
}

/** Creates an element with a class, text, attributes and children. */
export function element<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  props: ElementProps = {},
  children: readonly (Node | string)[] = [],
): HTMLElementTagNameMap[Tag] {
  const node = document.createElement(tag);
  if (props.class !== undefined) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.title !== undefined) node.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The element with `id`; throws when the page lacks it (a bug in index.html). */
export function byId<Type extends HTMLElement>(id: string): Type {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`index.html has no #${id}`);
  return node as Type;
}
