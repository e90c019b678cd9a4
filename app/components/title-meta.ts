/**
 * The `meta` of every page whose loader returns its translated `title`: the tab shows it, or the product
 * name while there is no data (an error before the loader ran).
 */
export function titleMeta({ data }: { data?: unknown }) {
  const title = (data as { title?: unknown } | undefined)?.title
  return [{ title: typeof title === 'string' && title ? title : 'Courrier' }]
}
