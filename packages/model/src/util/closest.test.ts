import { describe, expect, it } from 'vitest'
import { closest, editDistance } from './closest.js'

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['title', 'titel', 1],
    ['kitten', 'sitting', 3],
    ['发改局', '发展局', 1],
    ['经信局', '经济和信息化局', 4],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d)
    expect(editDistance(b, a)).toBe(d)
  })
})

describe('closest', () => {
  const keys = ['title', 'text', 'responsible', 'major']
  it('finds slips and case differences', () => {
    expect(closest('titel', keys)).toBe('title')
    expect(closest('Responsible', keys)).toBe('responsible')
    expect(closest('responsibel', keys)).toBe('responsible')
  })
  it('stays quiet when nothing is close', () => {
    expect(closest('budget', keys)).toBeUndefined()
    expect(closest('x', [])).toBeUndefined()
  })
})
