/** A session's configuration: the builder's description, its conversion to begin/ parameters and their validation. */
export { flagsProperty } from './description.flags';
export { stepValues } from './description.steps';
export { configurationFromBuilder } from './builder';
export type { SessionConfiguration } from './builder';
export { validateConfiguration } from './validation';
