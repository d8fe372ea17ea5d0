export { seededRandom } from '../../../platform/random.js';
