import type { ReactNode } from 'react'

type DataTableProps<T> = {
  testId: string
  /** Column headers; give an action column a visually hidden label rather than none. */
  columns: ReactNode[]
  rows: readonly T[]
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode
  /**
   * Names the table's scrolling box, which then takes keyboard focus (axe: scrollable-region-focusable):
   * give it to any table that can be wider than a phone.
   */
  label?: string
  /** One `<tr>` (with its key) per row. */
  children: (row: T) => ReactNode
}

/** The studio's tables: a header row, one row per item, scrolling sideways on narrow screens. */
export function DataTable<T>({ testId, columns, rows, empty, label, children }: DataTableProps<T>) {
  if (rows.length === 0) return <>{empty}</>
  return (
    <div className="table-scroll" {...(label ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      <table className="data" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows.map(children)}</tbody>
      </table>
    </div>
  )
}
