import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ItemStatus } from '../../types/menu';
import { ItemStatusActions } from '../../src/packages/staff/components/ItemStatusActions';

const buttonNames = () => screen.queryAllByRole('button').map((b) => b.textContent);

describe('ItemStatusActions', () => {
  it.each<[ItemStatus, string[]]>([
    ['draft', ['上架', '归档']],
    ['published', ['暂停', '归档']],
    ['paused', ['上架', '归档']],
    ['archived', []],
  ])('offers only the allowed transitions from %s', (status, expected) => {
    render(<ItemStatusActions status={status} onChange={jest.fn()} />);
    expect(buttonNames()).toEqual(expected);
  });

  it('acts at once on a reversible transition', () => {
    const onChange = jest.fn();
    render(<ItemStatusActions status="published" onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: '暂停' }));
    expect(onChange).toHaveBeenCalledWith('paused');
  });

  it('asks before archiving and archives only on confirmation', async () => {
    const onChange = jest.fn();
    render(<ItemStatusActions status="paused" onChange={onChange} />);

    fireEvent.click(screen.getByRole('button', { name: '归档' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/不能再上架或修改/)).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();

    fireEvent.click(within(dialog).getByRole('button', { name: '确认归档' }));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('archived'));
    expect(onChange).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('does nothing when the archive is called off', () => {
    const onChange = jest.fn();
    render(<ItemStatusActions status="draft" onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: '归档' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '再想想' }));
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('disables the buttons while a change is in flight', () => {
    render(<ItemStatusActions status="draft" busy onChange={jest.fn()} />);
    for (const button of screen.getAllByRole('button')) expect((button as HTMLButtonElement).disabled).toBe(true);
  });
});
