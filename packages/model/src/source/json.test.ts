import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  countWrittenKeys,
  indexJson,
  type JsonNode,
  jsonNodeAt,
  jsonOffsetAt,
  jsonRangeAt,
  scanJson,
  shapeOf,
} from './json.js'
import { parseSource } from './source.js'

/** Every path into a JSON value, the root included. */
function paths(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  const out: PropertyKey[][] = [prefix]
  if (Array.isArray(value))
    for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, i]))
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]))
  return out
}

const layouts = fc.constantFrom(
  (v: unknown) => JSON.stringify(v),
  (v: unknown) => JSON.stringify(v, null, 2),
  (v: unknown) => JSON.stringify(v, null, '\t'),
  (v: unknown) => JSON.stringify(v, null, 2).replace(/\n/g, '\r\n'),
  (v: unknown) => `\n  ${JSON.stringify(v, null, 1)}\n`,
)

describe('the JSON road reads exactly as the YAML road does', () => {
  it('same data, same diagnostics, same location for every value and key', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
          fc.array(fc.jsonValue({ maxDepth: 3 })),
        ),
        layouts,
        (value, layout) => {
          const text = layout(value)
          const fast = parseSource(text, { filename: 'a.json' })
          const slow = parseSource(text, { filename: 'a.json', json: false })
          expect(fast.data).toEqual(slow.data)
          expect(fast.diagnostics).toEqual(slow.diagnostics)
          for (const path of paths(value)) {
            expect(fast.locate(path)).toEqual(slow.locate(path))
            expect(fast.locate(path, 'key')).toEqual(slow.locate(path, 'key'))
            expect(fast.locate([...path, 'missing'])).toEqual(slow.locate([...path, 'missing']))
            expect(fast.locate([...path, 99])).toEqual(slow.locate([...path, 99]))
          }
        },
      ),
      // Every path of every value compared: 400 runs keep it near 2 s on a quiet machine.
      { numRuns: 400 },
    )
  })

  it('judges nesting depth as the YAML road does, at the limit and past it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.boolean(), (depth, objects) => {
        const open = objects ? '{"a":' : '['
        const close = objects ? '}' : ']'
        const text = `${open.repeat(depth)}1${close.repeat(depth)}`
        for (const maxDepth of [depth - 1, depth]) {
          const fast = parseSource(text, { maxDepth })
          const slow = parseSource(text, { maxDepth, json: false })
          expect(fast.diagnostics.map((d) => d.ruleId)).toEqual(
            slow.diagnostics.map((d) => d.ruleId),
          )
          expect(fast.data).toEqual(slow.data)
        }
      }),
      { numRuns: 100 },
    )
    expect(parseSource('[[1]]', { maxDepth: 1 }).diagnostics[0]?.ruleId).toBe('source/too-deep')
  })

  it('a repeated key is reported as in YAML, not silently dropped', () => {
    const { data, diagnostics } = parseSource('{"a": 1, "a": 2}', { filename: 'a.json' })
    expect(data).toBeUndefined()
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['source/duplicate-key'])
  })

  it('broken JSON is located by the YAML road', () => {
    const { diagnostics } = parseSource('{\n  "a": 1,\n  "b": [1, 2\n}', { filename: 'a.json' })
    expect(diagnostics[0]?.ruleId).toBe('source/syntax')
    expect(diagnostics[0]?.location.line).toBeGreaterThan(1)
  })

  it('locates in a large document without scanning it per lookup', () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => ({ id: `e${i}`, date: '2017-01-01' }))
    const text = JSON.stringify({ entries }, null, 2)
    const parsed = parseSource(text)
    expect(parsed.locate(['entries', 19_999, 'date'])).toMatchObject({
      line: 20_000 * 4 + 1,
      column: 15,
      path: '/entries/19999/date',
    })
  })

  it('one pass finds what the full index finds: depth, keys, root arrays’ items (property)', () => {
    const json = fc.jsonValue({ maxDepth: 4 })
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 4 }), json),
        fc.boolean(),
        (value, pretty) => {
          const text = JSON.stringify(value, null, pretty ? 2 : undefined)
          const scan = scanJson(text)
          const index = indexJson(text)
          if (!index) return
          expect(scan.depth).toBe(index.depth)
          expect(scan.keys).toBe(shapeOf(JSON.parse(text)).keys)
          // The cheaper counts the JSON road takes: keys by `":`, depth from the data.
          expect(countWrittenKeys(text)).toBe(scan.keys)
          expect(shapeOf(JSON.parse(text)).depth).toBe(scan.depth)
          for (const [key, { value: node }] of index.root.keys ?? [])
            if (node.items)
              expect(scan.arrays.get(key), key).toEqual(node.items.map((i) => i.start))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('counts keys and depth of nesting past where recursion stops, and of hostile nesting', () => {
    // Objects and arrays in turn, every object with two keys: 199, 201 and 100,000 deep.
    for (const levels of [199, 200, 201, 450, 100_000]) {
      let text = '1'
      for (let level = levels; level > 0; level--)
        text = level % 2 ? `{"k":${text},"n":${level}}` : `[0,${text}]`
      const shape = shapeOf(JSON.parse(text))
      expect(shape.depth, String(levels)).toBe(levels)
      expect(shape.keys, String(levels)).toBe(2 * Math.ceil(levels / 2))
      expect(shape, String(levels)).toEqual({
        keys: scanJson(text).keys,
        depth: scanJson(text).depth,
      })
    }
  })

  it('a repeated key sends JSON to the YAML road, which reports it', () => {
    const text = '{"schema":"x","entries":[{"id":"a","id":"b"}]}'
    expect(scanJson(text).keys).toBe(shapeOf(JSON.parse(text)).keys + 1)
    expect(countWrittenKeys(text)).toBe(shapeOf(JSON.parse(text)).keys + 1)
    // Written with a space before the colon, or with quotes and colons inside strings.
    const spaced = `{"a" :1, "b"\n${String.raw`:{"c\\"  :  "x\":y", "d":"\\\":", ":":":"}, "a":2}`}`
    expect(countWrittenKeys(spaced)).toBe(6)
    expect(shapeOf(JSON.parse(spaced)).keys).toBe(5)
    // Each way a colon can mislead, alone: a key spaced from its colon, a string that begins
    // with a colon, a key that ends in a comma, a colon inside a string.
    for (const [text, keys] of [
      ['{"a" :1,"a":2}', 2],
      ['{"a"\t:1,"a":2}', 2],
      ['{"a":":","a":2}', 2],
      ['{"a":[":"],"a":2}', 2],
      ['{"a,":1,"a,":2}', 2],
      ['{"a":"x:y","b":"\\":"}', 2],
    ] as const) {
      expect(() => JSON.parse(text)).not.toThrow()
      expect(countWrittenKeys(text), text).toBe(keys)
      expect(scanJson(text).keys, text).toBe(keys)
    }
  })

  it('counts the keys of JSON with quotes, backslashes and colons in its strings (property)', () => {
    const tricky = fc.string({
      unit: fc.constantFrom('"', '\\', ':', ' ', 'a', '\n'),
      maxLength: 8,
    })
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, tricky, fc.integer(), tie('list'), tie('map')),
      list: fc.array(tie('any'), { maxLength: 3 }),
      map: fc.dictionary(tricky, tie('any'), { maxKeys: 3 }),
    }))
    fc.assert(
      fc.property(value.map, fc.constantFrom(undefined, 1, '\t'), (data, indent) => {
        const text = JSON.stringify(data, null, indent)
        expect(countWrittenKeys(text)).toBe(shapeOf(data).keys)
        expect(shapeOf(data).depth).toBe(scanJson(text).depth)
      }),
      { numRuns: 500 },
    )
  })

  it('a value inside an entry is where the full index puts it, without the full index', () => {
    const entries = Array.from({ length: 50 }, (_, i) => ({
      id: `e${i}`,
      attachments: [{ path: `files/${i}.pdf` }],
      kpi: { id: 'k', value: i },
    }))
    const text = JSON.stringify({ schema: 'x', entries }, null, 2)
    const parsed = parseSource(text)
    for (const path of [
      ['entries', 7],
      ['entries', 7, 'id'],
      ['entries', 49, 'attachments', 0],
      ['entries', 20, 'kpi', 'value'],
      ['entries', 3, 'nothing'],
    ]) {
      const { line, column } = parsed.locate(path)
      expect(parsed.position?.(path), path.join('/')).toEqual({ line, column })
    }
  })
})

/** Where the index says a value (or its key) is, as parseSource's rangeIn reads it. */
function indexedRange(root: JsonNode, path: readonly PropertyKey[], target: string): number[] {
  if (target === 'key' && path.length > 0) {
    const parent = jsonNodeAt(root, path.slice(0, -1))
    const key =
      parent.depth === path.length - 1 ? parent.node.keys?.get(String(path.at(-1))) : undefined
    if (key) return [key.start, key.end]
  }
  const { node } = jsonNodeAt(root, path)
  return [node.start, node.end]
}

describe('jsonOffsetAt and jsonRangeAt', () => {
  it('finds where the index places every value; for a path that leads nowhere, the deepest on the way', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        layouts,
        fc.constantFrom<PropertyKey>('missing', 0, 7, 'a"b\\c'),
        (value, layout, astray) => {
          const text = layout(value)
          const root = indexJson(text)?.root as NonNullable<ReturnType<typeof indexJson>>['root']
          for (const path of paths(value))
            for (const p of [path, [...path, astray], [...path, astray, 0]]) {
              expect(jsonOffsetAt(text, 0, p), JSON.stringify(p)).toBe(
                jsonNodeAt(root, p).node.start,
              )
              for (const target of ['value', 'key'])
                expect(jsonRangeAt(text, 0, p, target), `${target} ${JSON.stringify(p)}`).toEqual(
                  indexedRange(root, p, target),
                )
            }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('walks from where an item of a root array starts, past escaped keys and strings', () => {
    const entries = [
      { 'k"}': '{[', id: 'a', at: [1, { x: 2 }] },
      { id: 'b\\"', attachments: [{ path: 'p]' }, { path: 'q' }] },
    ]
    const text = JSON.stringify({ entries }, null, 2)
    const starts = scanJson(text).arrays.get('entries') as number[]
    const root = indexJson(text)?.root as NonNullable<ReturnType<typeof indexJson>>['root']
    for (const path of paths(entries).filter((p) => p.length >= 1)) {
      const [i, ...inside] = path as [number, ...PropertyKey[]]
      expect(jsonOffsetAt(text, starts[i] as number, inside)).toBe(
        jsonNodeAt(root, ['entries', ...path]).node.start,
      )
      for (const target of ['value', 'key'])
        expect(jsonRangeAt(text, starts[i] as number, inside, target)).toEqual(
          indexedRange(root, ['entries', ...path], target),
        )
    }
    expect(text.slice(jsonOffsetAt(text, starts[1] as number, ['attachments', 1, 'path']))).toMatch(
      /^"q"/,
    )
  })
})
