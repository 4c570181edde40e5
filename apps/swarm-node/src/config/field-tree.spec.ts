import { field, fieldGroup } from './field-spec';
import { assembleSettings, defaultsOf, flattenFields } from './field-tree';
import { integers, onOff, oneOf } from './value-kinds';

/** A table shaped like the node's: top-level settings and a group nested two deep. */
const FIELDS = {
  port: field(integers({ min: 0, max: 9 }), { default: 1, cli: { flags: '--port <n>', help: 'port' } }),
  lane: fieldGroup({
    on: field(onOff, { default: false, cli: null }),
    inner: fieldGroup({ side: field(oneOf(['left', 'right'] as const), { default: 'left', cli: null }) }, 'inner things'),
  }),
};

describe('field tree', () => {
  it('flattens a table to its settings by dotted path, in table order', () => {
    const flat = flattenFields(FIELDS);
    expect(Object.keys(flat)).toEqual(['port', 'lane.on', 'lane.inner.side']);
    expect(flat['lane.inner.side']).toBe(FIELDS.lane.fields.inner.fields.side);
  });

  it('collects every default by dotted path', () => {
    expect(defaultsOf(FIELDS)).toEqual({ port: 1, 'lane.on': false, 'lane.inner.side': 'left' });
  });

  it('nests flat values back the way the table nests them, frozen at every level', () => {
    const settings = assembleSettings(FIELDS, { port: 7, 'lane.on': true, 'lane.inner.side': 'right' });
    expect(settings).toEqual({ port: 7, lane: { on: true, inner: { side: 'right' } } });
    expect(Object.isFrozen(settings)).toBe(true);
    expect(Object.isFrozen(settings.lane.inner)).toBe(true);
  });
});
