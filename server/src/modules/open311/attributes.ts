// the answers to a category's extra fields are checked by the cases module, which owns the fields
export { checkAttributes, isW3cDateTime, type AttributeAnswers, type CheckedAnswers } from '../cases/index.js';
