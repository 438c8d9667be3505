import { formatOrdinal } from '@reformkit/model'
import { type ItemView, unitRoles } from '@reformkit/report'
import { Link, usePage } from '../ui.js'

/** Share of an item's required materials that this unit filed, 0–1. */
function unitCompleteness(view: ItemView, unitId: string): number {
  const required = view.materials.filter((m) => m.required)
  if (required.length === 0) return 1
  return (
    required.filter((m) => m.entries.some((entry) => entry.unit === unitId)).length /
    required.length
  )
}

/** Heat colour from red (nothing) to green (complete). */
const heat = (value: number) => `hsl(${Math.round(value * 120)} 65% 85%)`

export function Units() {
  const { t, views } = usePage()
  const roleLabel = { lead: t.lead, support: t.support, responsible: t.unitRole }
  // A unit's role on an item: its own, or that of the group (各园区) it is named through.
  const role = (view: ItemView, unitId: string) => {
    const found = unitRoles(view.responsible).get(unitId)
    return found ? roleLabel[found] : t.unitRole
  }
  const ranked = [...views.units].sort((a, b) => a.rank - b.rank)
  return (
    <>
      <section>
        <h1>{t.matrix}</h1>
        <p className="muted">{t.matrixNote}</p>
        <div className="scroll-x">
          <table className="matrix">
            <thead>
              <tr>
                <th scope="col">{t.unit}</th>
                {views.items.map((v) => (
                  <th scope="col" key={v.item.id} title={v.item.title}>
                    <Link to={`/items/${v.item.id}`}>{formatOrdinal(v.item.number)}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {views.units.map((unit) => (
                <tr key={unit.unit.id}>
                  <th scope="row">{unit.unit.name}</th>
                  {views.items.map((v) => {
                    if (!v.units.some((u) => u.id === unit.unit.id)) return <td key={v.item.id} />
                    const value = unitCompleteness(v, unit.unit.id)
                    return (
                      <td
                        key={v.item.id}
                        style={{ background: heat(value) }}
                        title={`${unit.unit.name} · ${v.item.title}: ${Math.round(value * 100)}%`}
                      >
                        {role(v, unit.unit.id)}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section>
        <h2>{t.scorecard}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.rank}</th>
              <th scope="col">{t.unit}</th>
              <th scope="col">{t.items}</th>
              <th scope="col">{t.entries}</th>
              <th scope="col">{t.silentItems}</th>
              <th scope="col">{t.score}</th>
              <th scope="col">{t.bonus}</th>
              <th scope="col">{t.deduction}</th>
              <th scope="col">{t.total}</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((u) => (
              <tr key={u.unit.id}>
                <td>{u.rank}</td>
                <th scope="row">{u.unit.name}</th>
                <td>{u.items.length}</td>
                <td>{u.entries}</td>
                <td>{u.silentItems.map((item) => formatOrdinal(item.number)).join('') || '—'}</td>
                <td
                  title={u.lines
                    .map(
                      (l) =>
                        `${formatOrdinal(l.item.number)} ${roleLabel[l.role]} ×${l.weight}: ${l.points}`,
                    )
                    .join('\n')}
                >
                  {u.base}
                </td>
                <td>+{u.bonus}</td>
                <td>−{u.deduction}</td>
                <td>
                  <strong>{u.score}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  )
}
