import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class OrdersService {
  constructor(private readonly db: DataSource) {}

  byId(id: string) {
    return this.db.query('SELECT * FROM orders WHERE id = $1', [id]);
  }

  byStatus(status: string) {
    return this.db.query(`SELECT * FROM orders WHERE status = '${status}'`); // want: js.sql-injection
  }

  page(limit: number) {
    return this.db.query(`SELECT * FROM orders LIMIT ${limit}`);
  }
}
