export * from './errors';
export * from './domain';
export * from './names';
export * from './methods';
export * from './events';
export * from './wire';
export * from './client';
