// The project's one CSV reader lives in shared/csv.
export { parseCsv, parseCsvObjects } from '../../shared/csv/csv.js';
