import { benchExtraction } from '../bench/extract';
await benchExtraction();
