import { createRequire } from 'node:module';
import type { CloudbaseCommand, CloudbaseDatabase } from '../../cloudfunctions/_adapters/cloudbase/sdk';

/**
 * The real database module of the installed @cloudbase/node-sdk, loaded without `tcb.init()`: init
 * starts a platform probe over the network, and any real request without credentials kills Node.
 * Resolved from node-sdk's own folder so it is the very copy node-sdk uses.
 */
const sdkRequire = createRequire(require.resolve('@cloudbase/node-sdk'));
const dbPath = sdkRequire.resolve('@cloudbase/database');
const dbRequire = createRequire(dbPath);

interface DbModule {
  Db: new (config: object) => CloudbaseDatabase;
}

const { Db } = dbRequire(dbPath) as DbModule;
const { QuerySerializer } = dbRequire('./serializer/query') as { QuerySerializer: { encode(q: object): unknown } };
const { UpdateSerializer } = dbRequire('./serializer/update') as { UpdateSerializer: { encode(u: object): unknown } };

/** The real `db.command`, as `tcb.init().database().command` would give. */
export const realCommand: CloudbaseCommand = new Db({}).command;

/** What the SDK sends for a `where()` argument / an `update()` argument. */
export const wireQuery = (q: object): unknown => QuerySerializer.encode(q);
export const wireUpdate = (u: object): unknown => UpdateSerializer.encode(u);
