/** The steps of a record: the builder's description, its conversion to Amiqus steps and their validation. */
export { STEP_TYPES } from './types';
export type { StepType } from './types';
export { stepsBuilder } from './description';
export { stepFromBuilder } from './builder';
export type { AmiqusStep } from './builder';
export { validateStep } from './validation';
