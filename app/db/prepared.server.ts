/**
 * A query built and compiled once per database, then run with new values: `prepared(build)` gives the
 * function that returns it for a writer (`insertX(tx).run(values)`). An unprepared drizzle query
 * builds its SQL and has SQLite compile it on every call: about half of a Stripe delivery's in-process time
 * went there (docs/decisions/0080-webhook-and-relay-costs.md). Keep the builder dialect-neutral: placeholders for
 * values (`sql.placeholder`), no SQL text of our own.
 *
 * Keyed by the writer's drizzle session, never by the writer: a transaction runs on its database's session
 * (with better-sqlite3, the one connection), so the statement prepared by the first transaction serves the
 * database and every later transaction on it, inside their BEGIN…COMMIT. A driver whose transactions have a
 * session of their own gets a statement per transaction: slower, never outside the transaction.
 */
export function prepared<W extends object, Q>(prepare: (writer: W) => Q): (writer: W) => Q {
  const statements = new WeakMap<object, Q>()
  return (writer) => {
    const key = (writer as { session?: object }).session ?? writer
    let statement = statements.get(key)
    if (!statement) {
      statement = prepare(writer)
      statements.set(key, statement)
    }
    return statement
  }
}

/**
 * A nullable timestamp column's value for a placeholder: drizzle encodes a placeholder with its column's
 * encoder, which cannot take null, so these go in as `sql\`${sql.placeholder(…)}\`` with the stored number.
 */
export const epochMs = (date: Date | null | undefined) => (date ? date.getTime() : null)
