import { targetText } from '@reformkit/ledger'
import { pick } from '@reformkit/model'
import type { ItemView, KpiView } from '@reformkit/report'
import { Bar, Link, usePage } from '../ui.js'

/** KPIs against their targets; with `withItem`, each row names and links its item. */
export function KpiTable({
  rows,
  withItem = false,
}: {
  rows: ReadonlyArray<{ item: ItemView; kpi: KpiView }>
  withItem?: boolean
}) {
  const { t, locale } = usePage()
  return (
    <table className="kpis">
      <thead>
        <tr>
          {withItem && <th scope="col">{t.title}</th>}
          <th scope="col">{t.measure}</th>
          <th scope="col">{t.target}</th>
          <th scope="col">{t.actual}</th>
          <th scope="col">{t.percent}</th>
          <th scope="col">{t.state}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ item, kpi }) => (
          <tr key={`${item.item.id}/${kpi.kpi.id}`}>
            {withItem && (
              <td>
                <Link to={`/items/${item.item.id}`}>{pick(item.label, locale)}</Link>
              </td>
            )}
            <th scope="row">{kpi.kpi.measure}</th>
            <td>
              {targetText(kpi.kpi.target)} {kpi.kpi.unit}
            </td>
            <td>{kpi.actual ?? '—'}</td>
            <td>{kpi.percent === undefined ? '—' : <Bar value={kpi.percent} />}</td>
            <td className={`kpi-${kpi.state}`}>{t.kpiStates[kpi.state]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
