// Loaded on demand: ECharts, imported module by module (bar chart, grid, tooltip, legend, SVG).
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useMemo, useRef } from 'react'
import { usePage } from '../ui.js'
import { KpiTable } from './KpiTable.js'

use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export default function Kpis() {
  const { t, locale, views } = usePage()
  const rows = useMemo(
    () => views.items.flatMap((item) => item.kpis.map((kpi) => ({ item, kpi }))),
    [views],
  )
  const chart = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!chart.current || rows.length === 0) return
    const instance = init(chart.current, undefined, {
      renderer: 'svg',
      locale: locale === 'en' ? 'EN' : 'ZH',
    })
    instance.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v}%` },
      legend: { data: [t.target, t.actual] },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map(({ kpi }) => kpi.kpi.measure),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: [
        { name: t.target, type: 'bar', data: rows.map(() => 100), itemStyle: { color: '#c9d3e0' } },
        {
          name: t.actual,
          type: 'bar',
          data: rows.map(({ kpi }) => Math.round((kpi.percent ?? 0) * 100)),
          itemStyle: { color: '#1f6f50' },
        },
      ],
    })
    const resize = () => instance.resize()
    addEventListener('resize', resize)
    return () => {
      removeEventListener('resize', resize)
      instance.dispose()
    }
  }, [rows, t, locale])

  if (rows.length === 0) return <p>{t.noKpis}</p>
  return (
    <section>
      <h1>{t.kpis}</h1>
      <h2>{t.chartTitle}</h2>
      <div
        ref={chart}
        className="chart"
        style={{ height: 80 + rows.length * 56 }}
        role="img"
        aria-label={`${t.chartTitle}: ${rows
          .map(({ kpi }) => `${kpi.kpi.measure} ${Math.round((kpi.percent ?? 0) * 100)}%`)
          .join(', ')}`}
      />
      <KpiTable rows={rows} withItem />
    </section>
  )
}
