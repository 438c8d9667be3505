import { rules } from '@reformkit/ledger'
import { type Diagnostic, pick } from '@reformkit/model'
import type { ItemView } from '@reformkit/report'
import { useMemo, useState } from 'react'
import { Link, SeverityBadge, usePage, VirtualList } from '../ui.js'

type Grouping = 'rule' | 'unit' | 'file'
type Row = { key: string } & (
  | { group: string; count: number }
  | { finding: Diagnostic; item?: ItemView }
)

const ruleDocs = new Map(rules.map((rule) => [rule.id, rule.meta.docs]))

export function Diagnostics() {
  const { t, locale, views, diagnostics, project } = usePage()
  const [grouping, setGrouping] = useState<Grouping>('rule')

  // Each finding's item (from the views), for links; its unit is in its subject.
  const itemOf = useMemo(() => {
    const map = new Map<Diagnostic, ItemView>()
    for (const view of views.items) for (const d of view.diagnostics) map.set(d, view)
    return map
  }, [views])
  const unitNames = useMemo(
    () => new Map(views.plan.units.map((unit) => [unit.id, unit.name])),
    [views],
  )

  const rows = useMemo(() => {
    const keyOf = (d: Diagnostic): string => {
      if (grouping === 'rule') return d.ruleId
      if (grouping === 'file') return d.location.file ?? t.other
      const unit = d.subject?.unit
      return unit ? (unitNames.get(unit) ?? unit) : t.other
    }
    const groups = new Map<string, Diagnostic[]>()
    for (const d of diagnostics) {
      const key = keyOf(d)
      const list = groups.get(key)
      if (list) list.push(d)
      else groups.set(key, [d])
    }
    const out: Row[] = []
    for (const [group, list] of groups) {
      out.push({ key: `g:${group}`, group, count: list.length })
      for (const finding of list) {
        const item = itemOf.get(finding)
        const key = `${out.length}`
        out.push(item ? { key, finding, item } : { key, finding })
      }
    }
    return out
  }, [diagnostics, grouping, itemOf, unitNames, t])

  const byRule = useMemo(() => {
    const counts = new Map<string, number>()
    for (const d of diagnostics) counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1)
    return [...counts]
  }, [diagnostics])

  return (
    <section>
      <h1>
        {t.diagnostics} · {diagnostics.length}
      </h1>
      <p className="muted">
        {t.ledgerFiles}: {project.ledgerFiles.join('、') || t.none}
      </p>
      {!project.attachments && <p className="muted">{t.attachmentsNotOpened}</p>}
      {diagnostics.length === 0 ? (
        <p>{t.noFindings}</p>
      ) : (
        <>
          <fieldset className="grouping">
            <legend className="visually-hidden">{t.diagnostics}</legend>
            {(['rule', 'unit', 'file'] as const).map((g) => (
              <label key={g}>
                <input
                  type="radio"
                  name="grouping"
                  checked={grouping === g}
                  onChange={() => setGrouping(g)}
                />
                {{ rule: t.byRule, unit: t.byUnit, file: t.byFile }[g]}
              </label>
            ))}
          </fieldset>
          <VirtualList
            label={t.diagnostics}
            rows={rows}
            rowHeight={52}
            height={Math.min(640, Math.max(300, innerHeight - 420))}
            keyOf={(row: Row) => row.key}
            render={(row: Row) =>
              'group' in row ? (
                <div className="row group-row">
                  <strong>{row.group}</strong> <span className="muted">{row.count}</span>
                </div>
              ) : (
                <div className="row finding-row">
                  <SeverityBadge severity={row.finding.severity} />
                  <span className="message" title={row.finding.message}>
                    {row.finding.message}
                  </span>
                  <span className="where muted">
                    {row.item ? (
                      <Link to={`/items/${row.item.item.id}`}>{pick(row.item.label, locale)}</Link>
                    ) : null}{' '}
                    {row.finding.location.file &&
                      `${row.finding.location.file}:${row.finding.location.line ?? ''}`}{' '}
                    {grouping !== 'rule' && row.finding.ruleId}
                  </span>
                </div>
              )
            }
          />
          <h2>{t.ruleDocs}</h2>
          <dl className="rule-docs">
            {byRule.map(([id, count]) => {
              const docs = ruleDocs.get(id)
              return (
                <div key={id}>
                  <dt>
                    <code>{id}</code> · {count}
                  </dt>
                  <dd>
                    {docs ? pick(docs, locale) : ''}
                    {docs?.rationale && (
                      <small className="muted">
                        {' '}
                        {t.rationale}: {docs.rationale}
                      </small>
                    )}
                  </dd>
                </div>
              )
            })}
          </dl>
        </>
      )}
    </section>
  )
}
