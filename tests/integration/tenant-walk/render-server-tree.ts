// Just enough of a server render to see what a page hands to the browser: async (server)
// components are awaited and expanded, everything else (client components, DOM elements) stays an
// element whose props are the data sent along. Serialised, it shows whatever a page loaded.
import { isValidElement, type ReactElement } from "react";

type AnyProps = Record<string, unknown> & { children?: unknown };

async function expand(node: unknown): Promise<unknown> {
  if (Array.isArray(node)) return Promise.all(node.map(expand));
  if (!isValidElement(node)) return node;
  const element = node as ReactElement<AnyProps>;
  if (typeof element.type === "function" && element.type.constructor.name === "AsyncFunction") {
    return expand(await (element.type as (props: AnyProps) => Promise<unknown>)(element.props));
  }
  const type = typeof element.type === "string" ? element.type : "component";
  return { type, key: element.key, props: { ...element.props, children: await expand(element.props.children) } };
}

export async function renderServerTree(page: Promise<unknown>): Promise<string> {
  // Some props hold module objects that refer to themselves; each object is written once.
  const seen = new WeakSet<object>();
  return JSON.stringify(await expand(await page), (_key, value: unknown) => {
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "object" && value !== null) {
      if (seen.has(value)) return undefined;
      seen.add(value);
    }
    return value;
  });
}
