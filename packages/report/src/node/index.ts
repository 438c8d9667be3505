// @reformkit/report/node — bundles of the two copies (一式两份), Node only.
export {}
