import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { OrdersService } from './orders.service';

class SearchDto {
  status: string;
}

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get(':id')
  find(@Param('id') id: string) {
    return this.orders.byId(id);
  }

  @Post('search')
  search(@Body() dto: SearchDto) {
    return this.orders.byStatus(dto.status);
  }

  @Get()
  list(@Query('limit') limit: string) {
    return this.orders.page(Number(limit));
  }
}
