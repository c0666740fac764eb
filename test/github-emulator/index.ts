// Local GitHub REST API emulator for tests of the SLO bot and the GitHub Actions.
export { startEmulator } from './server.js';
export type { Emulator, EmulatorOptions, Fault, FaultRule, Faults, RecordedRequest, Violation } from './server.js';
export { EmulatorState } from './state.js';
export type { Issue, IssueComment, Label, PullRequest, SimpleUser } from './state.js';
