import { Pool } from 'pg';

export class OrderRepo {
  constructor(private readonly db: Pool) {}

  async find(id: string) {
    const { rows } = await this.db.query(`SELECT * FROM orders WHERE id = ${id}`); // want: js.sql-injection
    return rows[0];
  }

  async findSafe(id: string) {
    const { rows } = await this.db.query('SELECT * FROM orders WHERE id = $1', [id]);
    return rows[0];
  }
}
