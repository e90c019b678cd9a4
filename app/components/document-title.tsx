/**
 * The tab's title from inside a component, for the pages that `meta` cannot name: error boundaries,
 * which render when a loader failed (no loader data, so no translated title) and whose route's own
 * `meta` does not run. React 19 hoists a `<title>` rendered anywhere into `<head>`, on the server too.
 * Only pages that export no title through `meta` may use it, or the document would get two.
 */
export function DocumentTitle({ title }: { title: string }) {
  return <title>{title}</title>
}
