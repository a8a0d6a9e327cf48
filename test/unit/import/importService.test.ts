import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { contentsOf, userTables } from '../helpers/dbContents';
import { describe, expect, it } from 'vitest';
import { encodeGbk, writeCustomerWorkbook, writeFixture } from '../helpers/files';
import { servicesOnTempDb } from '../helpers/services';
import { tempDir } from '../helpers/temp';

function seed(db: Database): void {
  db.exec(`
    INSERT INTO staff (id, name) VALUES (1, '李娜');
    INSERT INTO customers (id, code, kind, name, industry, phone, email, status) VALUES
      (1, 'C001', 'company', '杭州恒信科技有限公司', '制造业', '13800138000', 'hx@example.com', 'active'),
      (2, 'C002', 'company', '宁波海川贸易', '贸易', '13900139000', 'hc@example.com', 'active');
    INSERT INTO tags (id, name) VALUES (1, '价格');
    INSERT INTO customer_tags VALUES (1, 1);
    INSERT INTO contacts (customer_id, name, title, is_primary) VALUES (1, '王芳', '采购经理', 1);
  `);
}

const gbkCustomers = [
  '客户编号,客户名称,所属行业,合作年限,联系人及职务,核心需求标签,历史合作总额(万元),最近合作时间,客户层级,当前状态,电话,负责人',
  'C001,杭州恒信科技有限公司,高端制造,3,王芳 采购总监,定制化、售后响应,120,2023年10月15日,高价值,活跃,+86 138-0013-8000,李娜',
  'C003,苏州明德教育,教育,1,张伟/校长,培训；课程,"1.5",2024/03/01,普通,潜在,0512-66668888,周强',
  'C004,上海一鸣餐饮,餐饮,,,,,,,,,',
  'C002,宁波海川贸易,贸易,,赵敏 总经理,,,,,,,',
].join('\r\n');

describe('import service', () => {
  it('imports a GBK CSV with Chinese headers: preview counts, one batch, and a revert that restores everything', async () => {
    const { db, services } = servicesOnTempDb();
    seed(db);
    db.exec("INSERT INTO contacts (customer_id, name, title, is_primary) VALUES (2, '李雷', '经理', 1)");
    const before = contentsOf(db, userTables);
    const file = writeFixture('客户.csv', encodeGbk(gbkCustomers));

    const inspected = await services.imports.inspect({ file, target: 'customers' });
    expect(inspected.encoding).toBe('gb18030');
    expect(inspected.suggested).toMatchObject({ code: '客户编号', name: '客户名称', cooperationYears: '合作年限', historyTotal: '历史合作总额(万元)', owner: '负责人' });

    const preview = await services.imports.preview({ file, target: 'customers', mapping: inspected.suggested });
    expect(preview).toMatchObject({ rows: 4, new: 2, updated: 2, skipped: 0, errorRows: 0, committed: false });
    expect(contentsOf(db, userTables)).toEqual(before);

    const report = await services.imports.run({ file, target: 'customers', mapping: inspected.suggested });
    expect(report).toMatchObject({ new: 2, updated: 2, committed: true });
    // A new main contact replaces the old one as primary; the old one stays as a contact.
    expect(db.prepare('SELECT name, is_primary FROM contacts WHERE customer_id = 2 ORDER BY id').all()).toEqual([{ name: '李雷', is_primary: 0 }, { name: '赵敏', is_primary: 1 }]);
    expect(report.backupPath && existsSync(report.backupPath)).toBe(true);
    const hx = db.prepare("SELECT * FROM customers WHERE code = 'C001'").get() as Record<string, unknown>;
    expect(hx).toMatchObject({ industry: '高端制造', tier_override: 'high', status: 'active', phone: '13800138000' });
    expect(db.prepare("SELECT name, title FROM contacts WHERE customer_id = 1 AND is_primary = 1").get()).toEqual({ name: '王芳', title: '采购总监' });
    expect(db.prepare("SELECT order_date, amount_cents FROM orders WHERE order_no = 'HIST-C001'").get()).toEqual({ order_date: '2023-10-15', amount_cents: 120_000_000 });
    const md = db.prepare("SELECT c.*, s.name AS owner FROM customers c JOIN staff s ON s.id = c.owner_id WHERE code = 'C003'").get() as Record<string, unknown>;
    expect(md).toMatchObject({ name: '苏州明德教育', status: 'prospect', tier_override: 'regular', phone: '051266668888', owner: '周强', cooperation_start: '2025-11-23' });
    expect(db.prepare("SELECT group_concat(t.name, '|') FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = (SELECT id FROM customers WHERE code = 'C003') ORDER BY t.name").pluck().get()).toMatch(/培训.*课程|课程.*培训/);

    const history = services.imports.history();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ target: 'customers', fileName: '客户.csv', newRows: 2, updatedRows: 2, revertedAt: null });

    const reverted = services.imports.revert(report.batchId ?? 0);
    expect(reverted.restored).toBeGreaterThan(0);
    expect(contentsOf(db, userTables)).toEqual(before);
    expect(services.imports.history()[0]?.revertedAt).not.toBeNull();
    expect(() => services.imports.revert(report.batchId ?? 0)).toThrow(/already reverted/);
  });

  it('lists every bad row with file, row, column and reason; "import nothing" writes nothing, "import the valid rows" writes the rest', async () => {
    const { db, services } = servicesOnTempDb();
    seed(db);
    const before = contentsOf(db, userTables);
    const csv = ['客户编号,订单日期,金额,数量', 'C001,2024-01-05,"¥1,200.50",2', 'C404,2024-01-06,100,1', 'C002,2024-13-01,100,1', 'C002,2024-01-07,lots,1', '宁波海川贸易,2024/01/08,1.2万,'].join('\n');
    const file = writeFixture('orders.csv', csv);
    const preview = await services.imports.preview({ file, target: 'orders' });
    expect(preview).toMatchObject({ rows: 5, new: 2, errorRows: 3 });
    expect(preview.errors).toMatchObject([
      { file: 'orders.csv', row: 3, column: '客户编号', reason: 'no customer with code or name "C404"' },
      { file: 'orders.csv', row: 4, column: '订单日期', reason: '"2024-13-01" is not a calendar date' },
      { file: 'orders.csv', row: 5, column: '金额', reason: '"lots" is not an amount' },
    ]);
    const nothing = await services.imports.run({ file, target: 'orders', options: { onErrors: 'abort' } });
    expect(nothing.committed).toBe(false);
    expect(contentsOf(db, userTables)).toEqual(before);
    const valid = await services.imports.run({ file, target: 'orders', options: { onErrors: 'skip' } });
    expect(valid).toMatchObject({ committed: true, new: 2, errorRows: 3 });
    expect(db.prepare('SELECT customer_id, order_date, amount_cents, quantity FROM orders ORDER BY id').all()).toEqual([
      { customer_id: 1, order_date: '2024-01-05', amount_cents: 120050, quantity: 2 },
      { customer_id: 2, order_date: '2024-01-08', amount_cents: 1_200_000, quantity: 1 },
    ]);
  });

  it('flags duplicate keys in the file and matches existing customers by phone, e-mail or name; skip leaves them alone', async () => {
    const { db, services } = servicesOnTempDb();
    seed(db);
    const file = writeFixture('dups.csv', ['Customer name,Phone,Email,Industry', '杭州恒信科技有限公司,138 0013 8000,HX@example.com,IT', '新客户,13700000000,new@example.com,IT', '新客户,13700000001,new2@example.com,IT'].join('\n'));
    const byName = await services.imports.preview({ file, target: 'customers', options: { matchBy: 'name' } });
    expect(byName).toMatchObject({ new: 1, updated: 1, errorRows: 1 });
    expect(byName.errors[0]).toMatchObject({ row: 4, column: 'Customer name', reason: 'duplicate key "新客户": already on row 3' });
    const byPhone = await services.imports.preview({ file, target: 'customers', options: { matchBy: 'phone' } });
    expect(byPhone).toMatchObject({ new: 2, updated: 1, errorRows: 0 });
    const byEmail = await services.imports.preview({ file, target: 'customers', options: { matchBy: 'email', onExisting: 'skip' } });
    expect(byEmail).toMatchObject({ new: 2, updated: 0, skipped: 1 });
    await services.imports.run({ file, target: 'customers', options: { matchBy: 'email', onExisting: 'skip' } });
    expect(db.prepare("SELECT industry FROM customers WHERE code = 'C001'").pluck().get()).toBe('制造业');
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(4);
    // Unchanged rows are skipped even when updates are allowed.
    const again = await services.imports.preview({ file, target: 'customers', options: { matchBy: 'email' } });
    expect(again).toMatchObject({ new: 0, updated: 1, skipped: 2 });
  });

  it('asks for the day order when dates read both ways and follows the choice', async () => {
    const { db, services } = servicesOnTempDb();
    seed(db);
    const file = writeFixture('amb.csv', 'customer,date,amount\nC001,05/06/2023,10\nC002,07/08/2023,20\n');
    const asked = await services.imports.run({ file, target: 'orders' });
    expect(asked.ambiguousDates).toEqual(['orderDate']);
    expect(asked.committed).toBe(false);
    const done = await services.imports.run({ file, target: 'orders', options: { dayOrder: 'dmy' } });
    expect(done.committed).toBe(true);
    expect(db.prepare('SELECT order_date FROM orders ORDER BY id').pluck().all()).toEqual(['2023-06-05', '2023-08-07']);
  });

  it('imports XLSX with merged headers, serial dates and formula values; UTF-16 CSV contacts, interactions and complaints', async () => {
    const { db, services } = servicesOnTempDb();
    seed(db);
    const xlsx = join(tempDir(), 'customers.xlsx');
    await writeCustomerWorkbook(xlsx);
    const inspected = await services.imports.inspect({ file: xlsx, target: 'customers', sheet: '客户清单' });
    expect(inspected.sheets).toEqual(['说明', '客户清单']);
    const r = await services.imports.run({ file: xlsx, target: 'customers', mapping: inspected.suggested, options: { sheet: '客户清单' } });
    expect(r).toMatchObject({ new: 3, errorRows: 0, committed: true });
    expect(db.prepare("SELECT c.code, c.cooperation_start, o.order_date, o.amount_cents FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.code LIKE 'X%' ORDER BY c.code").all()).toEqual([
      { code: 'X001', cooperation_start: '2023-10-15', order_date: '2024-07-27', amount_cents: 120_000_000 },
      { code: 'X002', cooperation_start: '2023-01-01', order_date: '2024-01-01', amount_cents: 60_000_000 },
      { code: 'X003', cooperation_start: '2022-01-01', order_date: '2023-03-15', amount_cents: 3_500_000 },
    ]);

    const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    const contacts = await services.imports.run({ file: writeFixture('contacts.csv', utf16('客户编号\t联系人\t职务\t手机\t生日\t主要联系人\r\nC002\t赵敏\t总经理\t13911112222\t1980/5/6\t是\r\n')), target: 'contacts' });
    expect(contacts).toMatchObject({ new: 1, committed: true });
    expect(db.prepare('SELECT name, title, phone, birthday, is_primary FROM contacts WHERE customer_id = 2').get()).toEqual({ name: '赵敏', title: '总经理', phone: '13911112222', birthday: '1980-05-06', is_primary: 1 });

    const interactions = await services.imports.run({ file: writeFixture('touch.csv', '客户,日期,方式,内容,跟进人\nC001,2024-02-01,微信,报价,李娜\nC002,2024-02-02,fax,?,李娜\n'), target: 'interactions', options: { onErrors: 'skip' } });
    expect(interactions).toMatchObject({ new: 1, errorRows: 1 });
    expect(interactions.errors[0]?.reason).toMatch(/"fax" is not one of phone, email/);
    expect(db.prepare('SELECT channel, occurred_at, staff_id FROM interactions').get()).toEqual({ channel: 'wechat', occurred_at: '2024-02-01T00:00:00.000Z', staff_id: 1 });

    const complaints = await services.imports.run({ file: writeFixture('complaints.csv', '客户名称,投诉日期,严重程度,投诉内容,满意度\n苏州明德教育,2024-03-01,紧急,交货延迟,2\n'), target: 'complaints' });
    expect(complaints).toMatchObject({ errors: [], new: 1, committed: true });
    expect(db.prepare('SELECT severity, description, satisfaction FROM complaints').get()).toEqual({ severity: 'critical', description: '交货延迟', satisfaction: 2 });
  });

  it('saves and reuses mappings; a mapping naming a missing column is refused clearly', async () => {
    const { services } = servicesOnTempDb();
    services.imports.saveMapping({ target: 'orders', name: '月度订单', mapping: { customer: '客户', orderDate: '日期', amount: '金额' } });
    services.imports.saveMapping({ target: 'orders', name: '月度订单', mapping: { customer: '客户编号', orderDate: '日期', amount: '金额' } });
    expect(services.imports.mappings('orders')).toEqual([{ id: 1, name: '月度订单', mapping: { customer: '客户编号', orderDate: '日期', amount: '金额' } }]);
    const file = writeFixture('o.csv', '客户,日期,金额\nC1,2024-01-01,5\n');
    await expect(services.imports.preview({ file, target: 'orders', mapping: { customer: '客户编号', orderDate: '日期', amount: '金额' } })).rejects.toThrow(/o\.csv: the mapping names column "客户编号" for "customer", but the file has no such column/);
  });

  it('a cancelled import leaves the database as it was', async () => {
    const { db, services, jobs } = servicesOnTempDb();
    seed(db);
    const before = contentsOf(db, userTables);
    const lines = ['客户编号,订单日期,金额'];
    for (let i = 0; i < 200_000; i++) lines.push(`C00${(i % 2) + 1},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i}`);
    const file = writeFixture('big.csv', lines.join('\n'));
    const { jobId } = services.imports.start({ file, target: 'orders' });
    // Cancel once the job is writing (it reports progress only while writing).
    await new Promise<void>((ok) => {
      const tick = () => {
        const j = jobs.running().find((x) => x.id === jobId);
        if (!j || j.done > 0) ok();
        else setTimeout(tick, 20);
      };
      tick();
    });
    services.jobs.cancel(jobId);
    await expect(services.imports.wait(jobId)).rejects.toThrow(/cancelled; nothing was written/);
    expect(contentsOf(db, userTables)).toEqual(before);
    expect(services.imports.history()).toEqual([]);
  });
});
