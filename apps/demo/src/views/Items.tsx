import { compareText, pick } from '@reformkit/model'
import { type ItemStatus, type ItemView, statusLabels } from '@reformkit/report'
import { useMemo, useState } from 'react'
import { fill } from '../i18n.js'
import { Bar, LightBadge, Link, StatusBadge, usePage, VirtualList } from '../ui.js'

const STATUSES: ItemStatus[] = ['overdue', 'atRisk', 'inProgress', 'notStarted', 'done']

export function Items({ query }: { query: URLSearchParams }) {
  const { t, locale, views } = usePage()
  const { plan } = views
  const [category, setCategory] = useState(query.get('category') ?? '')
  const [unit, setUnit] = useState(query.get('unit') ?? '')
  const [status, setStatus] = useState(query.get('status') ?? '')
  const [search, setSearch] = useState('')
  const categories = useMemo(() => new Map(plan.categories.map((c) => [c.id, c.label])), [plan])
  const shown = useMemo(() => {
    const words = search.trim().toLowerCase()
    return views.items.filter(
      (v) =>
        (!category || v.item.category === category) &&
        (!unit || v.units.some((u) => u.id === unit)) &&
        (!status || v.status === status) &&
        (!words || `${pick(v.label, locale)} ${v.item.text ?? ''}`.toLowerCase().includes(words)),
    )
  }, [views, category, unit, status, search, locale])
  const units = useMemo(() => [...plan.units].sort((a, b) => compareText(a.name, b.name)), [plan])

  return (
    <section>
      <h1>{t.items}</h1>
      <div className="filters">
        <label>
          {t.filterCategory}
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t.all}</option>
            {plan.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.filterUnit}
          <select value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">{t.all}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.filterStatus}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t.all}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {pick(statusLabels[s], locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.search}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <output aria-live="polite">
          {fill(t.shown, { shown: shown.length, total: views.items.length })}
        </output>
      </div>
      <div className="row head items-row" aria-hidden="true">
        <span>{t.title}</span>
        <span>{t.category}</span>
        <span>{t.responsible}</span>
        <span>{t.completeness}</span>
        <span>{t.status}</span>
        <span>{t.light}</span>
      </div>
      <VirtualList
        label={t.items}
        rows={shown}
        rowHeight={64}
        height={Math.min(720, Math.max(320, innerHeight - 360))}
        keyOf={(v: ItemView) => v.item.id}
        render={(v: ItemView) => (
          <div className="row items-row" data-item={v.item.id}>
            <Link to={`/items/${v.item.id}`} className="item-title">
              {pick(v.label, locale)}
            </Link>
            <span>{categories.get(v.item.category)}</span>
            <span className="units">
              {v.responsible
                .map((r) => (r.role === 'responsible' ? r.name : `${r.name}(${t[r.role]})`))
                .join('、')}
            </span>
            <Bar value={v.completeness} />
            <StatusBadge status={v.status} />
            <span title={v.reasons.map((r) => pick(r.message, locale)).join('\n')}>
              <LightBadge light={v.light} />
            </span>
          </div>
        )}
      />
    </section>
  )
}
