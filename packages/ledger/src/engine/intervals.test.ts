import { describe, expect, it } from 'vitest'
import { completeIntervals } from './intervals.js'

describe('completeIntervals', () => {
  it('quarters from an approval day to asOf, the last one only when it has ended', () => {
    expect(completeIntervals('2017-02-10', '2017-09-29', 'quarter')).toEqual([
      { label: '2017Q1', start: '2017-02-10', end: '2017-03-31' },
      { label: '2017Q2', start: '2017-04-01', end: '2017-06-30' },
    ])
    expect(completeIntervals('2017-02-10', '2017-09-30', 'quarter').map((s) => s.label)).toEqual([
      '2017Q1',
      '2017Q2',
      '2017Q3',
    ])
  })
  it('skips a first interval of which less than half remains after approval', () => {
    expect(completeIntervals('2017-09-20', '2017-12-31', 'quarter').map((s) => s.label)).toEqual([
      '2017Q4',
    ])
    // 16 of 31 days: kept.
    expect(completeIntervals('2017-10-16', '2017-11-30', 'month').map((s) => s.label)).toEqual([
      '2017-10',
      '2017-11',
    ])
    expect(completeIntervals('2017-10-17', '2017-11-30', 'month').map((s) => s.label)).toEqual([
      '2017-11',
    ])
  })
  it('months across a year end, and half years', () => {
    expect(completeIntervals('2017-11-15', '2018-02-01', 'month').map((s) => s.label)).toEqual([
      '2017-11',
      '2017-12',
      '2018-01',
    ])
    expect(completeIntervals('2017-01-01', '2017-12-31', 'halfYear').map((s) => s.end)).toEqual([
      '2017-06-30',
      '2017-12-31',
    ])
  })
  it('nothing when the first interval has not ended', () => {
    expect(completeIntervals('2017-03-10', '2017-03-30', 'quarter')).toEqual([])
  })
})
