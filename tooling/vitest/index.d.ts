import type { UserWorkspaceConfig } from 'vitest/config'
export declare function defineReformkitProject(name: string): UserWorkspaceConfig
