import type { ReactNode } from 'react'

type DataTableProps<T> = {
  testId: string
  /** Column headers; give an action column a visually hidden label rather than none. */
  columns: ReactNode[]
  rows: readonly T[]
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode
  /** One `<tr>` (with its key) per row. */
  children: (row: T) => ReactNode
}

/** The studio's tables: a header row, one row per item, scrolling sideways on narrow screens. */
export function DataTable<T>({ testId, columns, rows, empty, children }: DataTableProps<T>) {
  if (rows.length === 0) return <>{empty}</>
  return (
    <div className="table-scroll">
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
