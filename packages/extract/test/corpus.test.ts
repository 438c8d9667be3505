// The development corpus (test/corpus: published plans of several shapes, each with a
// hand-made truth): the scores printed, and held at the goals — items and unit
// assignments ≥ 95 %, targets ≥ 90 % — so that no change of the rules loses ground.
// `pnpm --filter @reformkit/extract bench` prints the same table with the 5 MB timing.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractPlan, scoreDraft, type Truth } from '../src/index.js'

const corpus = new URL('corpus/', import.meta.url)
const names = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''))

describe('the development corpus', () => {
  it('has published plans of several shapes, each with its source', () => {
    expect(names.length).toBeGreaterThanOrEqual(3)
    for (const name of names) {
      const truth = JSON.parse(readFileSync(new URL(`${name}.truth.json`, corpus), 'utf8'))
      expect(truth.source, name).toMatch(/\d{4}/)
      expect(truth.items.length, name).toBeGreaterThan(0)
    }
  })

  it('scores at the goals, over all documents', async () => {
    const zero = () => ({ truth: 0, found: 0, matched: 0 })
    const sum = { items: zero(), units: zero(), targets: zero() }
    for (const name of names) {
      const text = readFileSync(new URL(`${name}.txt`, corpus), 'utf8')
      const truth = JSON.parse(readFileSync(new URL(`${name}.truth.json`, corpus), 'utf8')) as Truth
      const score = scoreDraft((await extractPlan(text)).plan, truth)
      console.log(
        name,
        JSON.stringify(
          Object.fromEntries(
            Object.entries(score).map(([k, s]) => [
              k,
              [s.recall.toFixed(2), s.precision.toFixed(2)],
            ]),
          ),
        ),
      )
      for (const key of ['items', 'units', 'targets'] as const) {
        sum[key].truth += score[key].truth
        sum[key].found += score[key].found
        sum[key].matched += score[key].matched
      }
    }
    const recall = (key: keyof typeof sum) => sum[key].matched / (sum[key].truth || 1)
    const precision = (key: keyof typeof sum) => sum[key].matched / (sum[key].found || 1)
    expect(recall('items')).toBeGreaterThanOrEqual(0.95)
    expect(precision('items')).toBeGreaterThanOrEqual(0.95)
    expect(recall('units')).toBeGreaterThanOrEqual(0.95)
    expect(precision('units')).toBeGreaterThanOrEqual(0.95)
    expect(recall('targets')).toBeGreaterThanOrEqual(0.9)
    expect(precision('targets')).toBeGreaterThanOrEqual(0.9)
  })
})
