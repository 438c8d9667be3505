// The second example (examples/wuhu-2025), a plan of another shape: golden reports that
// show 牵头/配合 and keep 各县市区政府、开发区管委会 as one name, and an assessment in which
// no unit that filed nothing outranks one that filed.
import { describe, expect, it } from 'vitest'
import { renderReport } from '../src/render/render.js'
import { buildReport } from '../src/reports/build.js'
import { REPORT_KINDS } from '../src/reports/model.js'
import { computeViews } from '../src/views/compute.js'
import { loadExample } from './example.js'

const example = await loadExample('2025-12-31', 'wuhu-2025')
const group = '各县市区政府、开发区管委会'

describe('golden reports of the Wuhu 2025 example on 2025-12-31', () => {
  it.each(REPORT_KINDS)('%s in Markdown (zh-CN)', async (kind) => {
    const md = await renderReport(buildReport({ ...example, kind }), { format: 'md' })
    await expect(md).toMatchFileSnapshot(`__golden__/wuhu-2025/${kind}.zh-CN.md`)
  })

  it('progress and KPI reports say 牵头 and 配合, the group as one name', async () => {
    const says = {
      progress: `牵头:市发展改革委、市商务局;配合:市财政局、${group}`,
      kpi: `牵头:市发展改革委;配合:${group}`,
    }
    for (const kind of ['progress', 'kpi'] as const) {
      const md = (await renderReport(buildReport({ ...example, kind }), {
        format: 'md',
      })) as string
      expect(md).toContain(says[kind])
      // The twelve members are used for checking only: never listed in place of the group.
      expect(md).not.toContain('镜湖区人民政府、')
    }
    const index = (await renderReport(buildReport({ ...example, kind: 'ledger-index' }), {
      format: 'md',
    })) as string
    expect(index).toContain('镜湖区(配合)')
  })

  it('ranks every unit that filed above every unit that filed nothing', () => {
    const views = computeViews({ ...example })
    const filed = views.units.filter((u) => u.entries > 0)
    const silent = views.units.filter((u) => u.entries === 0)
    expect(silent.map((u) => u.unit.id)).toContain('nyj')
    expect(silent).toHaveLength(12)
    for (const s of silent) {
      expect(s.score).toBe(0)
      for (const f of filed) expect(s.rank).toBeGreaterThan(f.rank)
    }
  })
})
