import { it } from 'vitest'
import { computeViews } from '../src/views/views.js'
import { loadExample } from './example.js'

it('tmp', async () => {
  const ex = await loadExample()
  const v = computeViews(ex)
  for (const i of v.items)
    console.log(
      i.label.zh,
      i.status,
      i.light,
      i.score.total,
      i.score.base,
      i.score.bonus,
      i.score.deduction,
      i.reasons.map((r) => r.light + ':' + r.message.zh).join(' | '),
    )
  for (const u of v.units)
    console.log(u.unit.name, u.score, u.rank, u.base, u.bonus, u.deduction, u.silentItems.length)
  console.log(v.byLight, v.byStatus)
  const mid = computeViews({ ...ex, asOf: '2017-10-15' })
  for (const i of mid.items.slice(0, 4))
    console.log(
      i.label.zh,
      i.status,
      i.light,
      i.reasons.map((r) => r.light + ':' + r.message.zh).join(' | '),
      i.kpis.map((k) => k.state).join(','),
    )
})
