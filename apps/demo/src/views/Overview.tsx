import { pick } from '@reformkit/model'
import { type ItemStatus, type Light, lightLabels, statusLabels } from '@reformkit/report'
import { Bar, LightBadge, Link, percent, usePage } from '../ui.js'

const LIGHTS: Light[] = ['red', 'yellow', 'blue', 'green']
const STATUSES: ItemStatus[] = ['overdue', 'atRisk', 'inProgress', 'notStarted', 'done']

export function Overview() {
  const { t, locale, views, diagnostics, project } = usePage()
  const { plan } = views
  const kpis = views.items.flatMap((item) => item.kpis)
  const met = kpis.filter((k) => k.state === 'met' || k.state === 'onTrack').length
  const completeness =
    views.items.reduce((sum, item) => sum + item.completeness, 0) / Math.max(1, views.items.length)
  const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length
  return (
    <>
      <section className="hero">
        <h1>{plan.title}</h1>
        <dl className="facts">
          {plan.issuer && (
            <div>
              <dt>{t.issuer}</dt>
              <dd>{plan.issuer}</dd>
            </div>
          )}
          {plan.issued && (
            <div>
              <dt>{t.issued}</dt>
              <dd>{plan.issued}</dd>
            </div>
          )}
          <div>
            <dt>{t.period}</dt>
            <dd>
              {plan.period.start} — {plan.period.end}
            </dd>
          </div>
        </dl>
      </section>

      <section className="figures" aria-label={t.overview}>
        <Figure label={t.items} value={String(views.items.length)} />
        <Figure label={t.elapsed} value={percent(views.elapsed)} />
        <Figure label={t.completeness} value={percent(completeness)} />
        <Figure label={t.kpiMet} value={`${met} / ${kpis.length}`} />
        <Figure label={t.entries} value={String(project.entries.length)} />
        <Figure
          label={t.findings}
          value={`${count('error')} ${t.errors} · ${count('warning')} ${t.warnings} · ${count('info')} ${t.infos}`}
          to="/diagnostics"
        />
      </section>

      <section className="split">
        <div>
          <h2>{t.light}</h2>
          <ul className="counts">
            {LIGHTS.map((light) => (
              <li key={light}>
                <LightBadge light={light} /> <strong>{views.byLight[light]}</strong>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h2>{t.status}</h2>
          <ul className="counts">
            {STATUSES.map((status) => (
              <li key={status}>
                <span className={`status status-${status}`}>
                  {pick(statusLabels[status], locale)}
                </span>{' '}
                <strong>{views.byStatus[status]}</strong>
              </li>
            ))}
          </ul>
        </div>
      </section>

      {plan.framework && (
        <section>
          <h2>{t.framework}</h2>
          {plan.framework.text && <p className="text">{plan.framework.text}</p>}
          <div className="framework">
            {plan.framework.lists.map((list) => (
              <div key={list.id} className="card">
                <h3>{list.label}</h3>
                <ul>
                  {list.entries.map((entry) => (
                    <li key={entry}>{entry}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </section>
      )}

      <section>
        <h2>{t.byCategory}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.category}</th>
              <th scope="col">{t.count}</th>
              <th scope="col">{t.completeness}</th>
              {LIGHTS.map((light) => (
                <th scope="col" key={light}>
                  {pick(lightLabels[light], locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan.categories.map((category) => {
              const items = views.items.filter((v) => v.item.category === category.id)
              const mean = items.reduce((s, v) => s + v.completeness, 0) / Math.max(1, items.length)
              return (
                <tr key={category.id}>
                  <th scope="row">
                    <Link to={`/items?category=${category.id}`}>{category.label}</Link>
                  </th>
                  <td>{items.length}</td>
                  <td>
                    <Bar value={mean} />
                  </td>
                  {LIGHTS.map((light) => (
                    <td key={light}>{items.filter((v) => v.light === light).length}</td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
    </>
  )
}

function Figure({ label, value, to }: { label: string; value: string; to?: string }) {
  const body = (
    <>
      <span className="figure-value">{value}</span>
      <span className="figure-label">{label}</span>
    </>
  )
  return <div className="figure">{to ? <Link to={to}>{body}</Link> : body}</div>
}
