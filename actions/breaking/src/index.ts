// Entry point of the bundle (dist/index.js): the runner executes this file.
import { run } from './main.js';

void run();
