// `reformkit` — kept to a few lines so that `--version` answers before anything loads.
declare const __REFORMKIT_VERSION__: string

const args = process.argv.slice(2)
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${__REFORMKIT_VERSION__}\n`)
} else {
  const { main } = await import('./main.js')
  process.exitCode = await main(process.argv, __REFORMKIT_VERSION__)
}

export {}
