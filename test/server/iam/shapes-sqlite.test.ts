import { shapesSuite } from '../../contracts/iam-shapes.ts';

shapesSuite('SQLite', async () => ({}));
