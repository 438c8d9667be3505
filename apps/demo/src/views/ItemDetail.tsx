import { entryKindLabels } from '@reformkit/ledger'
import { pick } from '@reformkit/model'
import { scorePartLabels } from '@reformkit/report'
import { fill } from '../i18n.js'
import { LightBadge, Link, percent, SeverityBadge, StatusBadge, usePage } from '../ui.js'
import { KpiTable } from './KpiTable.js'

export function ItemDetail({ id }: { id: string }) {
  const { t, locale, views } = usePage()
  const view = views.items.find((v) => v.item.id === id)
  if (!view)
    return (
      <section>
        <p role="alert">{fill(t.unknownItem, { id })}</p>
        <Link to="/items">{t.back}</Link>
      </section>
    )
  const { item } = view
  const category = views.plan.categories.find((c) => c.id === item.category)
  const unitName = (id: string) => {
    const unit = views.plan.units.find((u) => u.id === id)
    return unit ? (unit.shortName ?? unit.name) : id
  }
  const roleLabel = { lead: t.lead, support: t.support, responsible: t.unitRole }
  return (
    <article className="detail">
      <Link to="/items" className="back">
        ← {t.back}
      </Link>
      <h1>{pick(view.label, locale)}</h1>
      <p className="tags">
        <span className="tag">{category?.label}</span>
        {item.major && <span className="tag major">{t.major}</span>}
        <StatusBadge status={view.status} />
        <LightBadge light={view.light} />
      </p>
      {item.text && (
        <section>
          <h2>{t.text}</h2>
          <p className="text">{item.text}</p>
        </section>
      )}
      <section>
        <h2>{t.responsible}</h2>
        <ul className="chips">
          {view.responsible.map((named) => (
            <li key={named.id} title={named.members.map((m) => m.name).join('、')}>
              {named.name} <small>{roleLabel[named.role]}</small>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{t.reasons}</h2>
        <ul className="reasons">
          {view.reasons.map((reason, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: reasons are a fixed list per render
            <li key={i}>
              <LightBadge light={reason.light} /> {pick(reason.message, locale)}
            </li>
          ))}
        </ul>
      </section>
      {view.kpis.length > 0 && (
        <section>
          <h2>{t.kpis}</h2>
          <KpiTable rows={view.kpis.map((kpi) => ({ item: view, kpi }))} />
        </section>
      )}
      {view.milestones.length > 0 && (
        <section>
          <h2>{t.milestones}</h2>
          <ol className="timeline">
            {view.milestones.map((m) => (
              <li key={m.milestone.id} className={`milestone-${m.state}`}>
                <time dateTime={m.milestone.due}>{m.milestone.due}</time>
                <strong>{m.milestone.title}</strong>
                <span>
                  {t.milestoneStates[m.state]}
                  {m.state === 'overdue' || m.state === 'near' ? ` · ${m.days}d` : ''}
                </span>
                {(m.milestone.ownerPerson || m.milestone.ownerUnit) && (
                  <small>
                    {t.owner}:{' '}
                    {[m.milestone.ownerPerson, m.milestone.ownerUnit].filter(Boolean).join(' · ')}
                  </small>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section>
        <h2>
          {t.materials} · {percent(view.completeness)}
        </h2>
        <table className="materials">
          <tbody>
            {view.materials.map((m) => (
              <tr key={m.kind} className={m.required && m.entries.length === 0 ? 'missing' : ''}>
                <th scope="row">
                  {pick(entryKindLabels[m.kind], locale)}
                  {m.required && <small> · {t.required}</small>}
                </th>
                <td>
                  {m.entries.length === 0 ? (
                    <span className={m.required ? 'missing-text' : 'muted'}>
                      {m.required ? t.missing : t.none}
                    </span>
                  ) : (
                    <ul>
                      {m.entries.map((entry) => (
                        <li key={entry.id}>
                          <time dateTime={entry.date}>{entry.date}</time> {entry.title}{' '}
                          <small className="muted">
                            {unitName(entry.unit)}
                            {entry.attachments.length > 0 &&
                              ` · ${entry.attachments.map((a) => a.path.split('/').at(-1)).join('、')}`}
                          </small>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>
          {t.score} · {view.score.total}
        </h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.part}</th>
              <th scope="col">{t.points}</th>
              <th scope="col">{t.reason}</th>
            </tr>
          </thead>
          <tbody>
            {view.score.lines.map((line) => (
              <tr key={line.part}>
                <th scope="row">{pick(scorePartLabels[line.part], locale)}</th>
                <td>
                  {line.points} / {line.max}
                </td>
                <td>{pick(line.reason, locale)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t.bonus}</th>
              <td>+{view.score.bonus}</td>
              <td />
            </tr>
            <tr>
              <th scope="row">{t.deduction}</th>
              <td>−{view.score.deduction}</td>
              <td>
                {view.score.deductions.map((d) => `${d.diagnostic.ruleId} −${d.points}`).join(';')}
              </td>
            </tr>
          </tbody>
        </table>
      </section>
      <section>
        <h2>
          {t.diagnostics} · {view.diagnostics.length}
        </h2>
        {view.diagnostics.length === 0 ? (
          <p className="muted">{t.noFindings}</p>
        ) : (
          <ul className="findings">
            {view.diagnostics.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id of their own
              <li key={i}>
                <SeverityBadge severity={d.severity} /> {d.message}{' '}
                <small className="muted">
                  {d.ruleId}
                  {d.location.file && ` · ${d.location.file}:${d.location.line ?? ''}`}
                </small>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  )
}
