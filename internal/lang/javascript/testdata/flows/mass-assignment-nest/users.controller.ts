import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import { Repository } from 'typeorm';
import { CreateUserDto, UpdateUserDto } from './users.dto';

@Controller('users')
export class UsersController {
  constructor(private readonly users: Repository<unknown>) {}

  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.users.insert(dto);
  }

  @Put(':id')
  update(@Param('id') id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(dto); // want: js.mass-assignment
  }
}
