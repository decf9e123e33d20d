import { act, fireEvent, render, screen } from '@testing-library/react';
import { ApiCallError } from '../../src/services';
import { RatingInput } from '../../src/pages/orders/components/RatingInput';

const star = (container: HTMLElement, n: number) => container.querySelector(`#star-${n}`) as HTMLElement;
const litStars = (container: HTMLElement) => container.querySelectorAll('.rating-stars__star--on').length;
const submit = async () => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
  });
};

describe('RatingInput (评菜)', () => {
  it('lights the stars up to the one tapped and names the score', () => {
    const { container } = render(<RatingInput onSubmit={jest.fn()} />);
    expect(litStars(container)).toBe(0);

    fireEvent.click(star(container, 4));
    expect(litStars(container)).toBe(4);
    expect(screen.getByText('4星 · 满意')).toBeTruthy();

    fireEvent.click(star(container, 1));
    expect(litStars(container)).toBe(1);
    expect(screen.getByText('1星 · 非常不满意')).toBeTruthy();
  });

  it('asks for stars before sending anything', async () => {
    const onSubmit = jest.fn();
    render(<RatingInput onSubmit={onSubmit} />);
    await submit();
    expect(screen.getByText('请点击星星评分')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a comment over 200 characters with the schema’s message', async () => {
    const onSubmit = jest.fn();
    const { container } = render(<RatingInput onSubmit={onSubmit} />);
    fireEvent.click(star(container, 5));
    fireEvent.change(screen.getByPlaceholderText('说说这次服务（选填）'), { target: { value: '好'.repeat(201) } });
    await submit();
    expect(screen.getByText('评价不超过200个字')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends stars, the chosen tags and the trimmed comment', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    const { container } = render(<RatingInput onSubmit={onSubmit} />);
    fireEvent.click(star(container, 5));
    fireEvent.click(screen.getByText('专业'));
    fireEvent.click(screen.getByText('耐心'));
    fireEvent.click(screen.getByText('准时'));
    fireEvent.click(screen.getByText('准时')); // tapped twice: off again
    fireEvent.change(screen.getByPlaceholderText('说说这次服务（选填）'), { target: { value: ' 修得很好，谢谢张师傅 ' } });

    await submit();

    expect(onSubmit).toHaveBeenCalledWith({ stars: 5, tags: ['专业', '耐心'], comment: '修得很好，谢谢张师傅' });
  });

  it('leaves out an empty comment', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    const { container } = render(<RatingInput onSubmit={onSubmit} />);
    fireEvent.click(star(container, 2));
    await submit();
    expect(onSubmit).toHaveBeenCalledWith({ stars: 2, tags: [] });
  });

  it('shows the server’s per-field message when it refuses', async () => {
    const onSubmit = jest.fn().mockRejectedValue(new ApiCallError({ code: 'VALIDATION', message: '提交的信息有误', fields: { comment: '评价含有不当内容' } }));
    const { container } = render(<RatingInput onSubmit={onSubmit} />);
    fireEvent.click(star(container, 3));
    await submit();
    expect(screen.getByText('评价含有不当内容')).toBeTruthy();
  });

  it('cannot be sent again while a rating is on its way', () => {
    render(<RatingInput busy onSubmit={jest.fn()} />);
    expect((screen.getByRole('button', { name: '提交评价' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
