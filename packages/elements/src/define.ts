/** Defines every LivePlus element and re-exports the package. */
import { defineAll } from './define-all.js';

defineAll();

export * from './index.js';
