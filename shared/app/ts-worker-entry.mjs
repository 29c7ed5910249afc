// Entry of a worker thread that runs a TypeScript module: loader hooks are not inherited
// by workers on Node 20, so each thread registers tsx itself before importing its module.
import { workerData } from 'node:worker_threads';
const { register } = await import('tsx/esm/api');
register();
await import(workerData.__entry);
