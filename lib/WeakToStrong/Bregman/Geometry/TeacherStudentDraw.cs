namespace WeakToStrong.Bregman;

/// <summary>
/// One atom of the joint law behind the risk-gap identity (★) of <see cref="RiskGapDecomposition"/>: at one input x and
/// one draw of the models, the target g(x), the teacher's prediction f_w(x) and the student's prediction f_s(x).
/// </summary>
/// <typeparam name="TPoint">The point type of the generator.</typeparam>
/// <param name="Target">The target g(x) (first slot of the risk; hard labels allowed).</param>
/// <param name="Teacher">The teacher's prediction f_w(x) (domain interior).</param>
/// <param name="Student">The student's prediction f_s(x) (domain interior).</param>
/// <param name="Cell">
/// Identifies the atom of the conditioning σ-field G (the student's information, including x) that this draw lies
/// in. Draws with the same cell must have the same target and the same student (G makes g(x) and f_s measurable);
/// the posterior-mean teacher of a cell is the dual mean of its teachers.
/// </param>
public readonly record struct TeacherStudentDraw<TPoint>(TPoint Target, TPoint Teacher, TPoint Student, int Cell)
    where TPoint : notnull;
